// @vitest-environment jsdom
/**
 * The hidden-by-rules count while a refresh runs: with no rule and nothing hidden, polls can
 * hide nothing, so their changes do not read the posts' index again (each read waited behind a
 * refresh's write); with a rule, or after an "everything changed", the count is read again.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { openOrreryDb } from '../../lib/db/open-db';
import { announceChange, onStoredChange } from '../../lib/messaging/changes';
import { ALL_CHANGED, polledChange } from '../../lib/messaging/stored-change';
import { saveRules } from '../../lib/rules/rule-store';
import type { Rule } from '../../lib/rules/types';

const counted = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../lib/rules/hidden-posts', async (orig) => {
  const real = await orig<typeof import('../../lib/rules/hidden-posts')>();
  return { ...real, countHidden: (...a: Parameters<typeof real.countHidden>) => (counted.n++, real.countHidden(...a)) };
});
const { HiddenByRules } = await import('./hidden-by-rules');

const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));
/** Waits until the page's listeners (this one shares their gate) were called with a change naming `feed`. */
const heard: string[] = [];
onStoredChange((c) => void heard.push(c.all ? '*' : c.posts.join()));
const delivered = async (what: string) => {
  await expect.poll(() => heard.some((h) => h.split(',').includes(what)), { timeout: 10_000 }).toBe(true);
  await sleep(150); // the listeners' reads start after the database is open
};

describe('HiddenByRules during a refresh', () => {
  it('reads the count again after polls only when rules may have hidden posts', { timeout: 40_000 }, async () => {
    await openOrreryDb();
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<HiddenByRules scope={{ kind: 'all' }} feeds={new Map()} now={0} />, root));
    await expect.poll(() => counted.n).toBe(1);
    // Polls that brought posts, no rule: nothing read again.
    announceChange(polledChange('f1', true));
    await delivered('f1');
    announceChange(polledChange('f2', true));
    await delivered('f2');
    expect(counted.n).toBe(1);
    // A rule saved (the worker says "everything changed"): read again, and after polls from then on.
    const rule = { id: 'r', action: { kind: 'hide' }, match: 'contains', pattern: 'x', fields: ['title'], scope: { kind: 'all' }, enabled: true } as unknown as Rule;
    await saveRules(await openOrreryDb(), [rule]);
    announceChange(ALL_CHANGED);
    await expect.poll(() => counted.n, { timeout: 10_000 }).toBe(2);
    announceChange(polledChange('f3', true));
    await expect.poll(() => counted.n, { timeout: 10_000 }).toBe(3);
    await act(() => render(null, root));
    // Preact schedules effects after paint with a rAF and a 100 ms timer; let the timers of renders
    // made outside act run while jsdom still defines cancelAnimationFrame.
    await sleep(250);
  });
});
