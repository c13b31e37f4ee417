/**
 * Rules in real Chromium: a bad pattern is refused with its reason where it was typed; a mute
 * rule hides new posts at ingest (the river counts them and shows them on request); a highlight
 * stands out in the river and the popup with a word, not only a colour; a rule added later is
 * applied to stored posts on request.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';
import { sendFromPage, waitForRefresh } from './helpers';
import { launchOrrery, type Orrery } from './launch';

const FEED = 'http://rules.example/feed.xml';
const day = (n: number) => new Date(Date.UTC(2026, 4, 20 + n, 12)).toUTCString();
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Rules test</title><link>http://rules.example/</link>
<item><title>Sponsored: buy our widgets</title><link>http://rules.example/1</link><guid>r1</guid><pubDate>${day(4)}</pubDate><description>An advert.</description></item>
<item><title>Python 3.14 released</title><link>http://rules.example/2</link><guid>r2</guid><pubDate>${day(3)}</pubDate><description>News.</description></item>
<item><title>Weekly links #12</title><link>http://rules.example/3</link><guid>r3</guid><pubDate>${day(2)}</pubDate><description>Links.</description></item>
<item><title>A plain post</title><link>http://rules.example/4</link><guid>r4</guid><pubDate>${day(1)}</pubDate><description>Hello, and a sponsored mention in the text.</description></item>
</channel></rss>`;

let server: FixtureServer;
let orrery: Orrery;
let options: Page;

beforeAll(async () => {
  server = await startFixtureServer();
  server.overrides.set(FEED, (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Cache-Control': 'no-store' }).end(RSS));
  orrery = await launchOrrery({ serverPort: server.port });
  options = await orrery.open('/options.html');
});

afterAll(async () => {
  await orrery?.close();
  await server?.close();
});

async function addRule(action: string, match: string, pattern: string, fields: ('title' | 'content' | 'author')[]): Promise<void> {
  await options.getByTestId('rule-action').selectOption(action);
  await options.getByTestId('rule-match').selectOption(match);
  await options.getByTestId('rule-pattern').fill(pattern);
  for (const f of ['title', 'content', 'author'] as const) await options.getByTestId(`rule-field-${f}`).setChecked(fields.includes(f));
  const before = await options.getByTestId('rule-row').count();
  await options.getByTestId('rule-add').click();
  await expect.poll(() => options.getByTestId('rule-row').count()).toBe(before + 1);
}

const titles = (page: Page) => page.getByTestId('entry-title').allTextContents();

describe('rules', () => {
  it('refuses a bad regular expression with its reason, where it was typed', async () => {
    await options.getByTestId('rule-match').selectOption('regex');
    const input = options.getByTestId('rule-pattern');
    await input.fill('(unclosed');
    await expect.poll(() => options.getByTestId('rule-pattern-error').textContent()).toMatch(/^Not a valid regular expression: .+/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toBe('rule-pattern-error');
    await input.fill('(a+)+$');
    await expect.poll(() => options.getByTestId('rule-pattern-error').textContent()).toMatch(/repeats a group that itself repeats/);
    await options.getByTestId('rule-add').click();
    expect(await options.getByTestId('rule-row').count()).toBe(0);
    // Nothing bad gets past the worker either.
    const reply = await sendFromPage<{ ok: boolean; errors?: Record<string, string> }>(options, {
      type: 'save-rules',
      rules: [{ id: 'x', action: 'hide', match: 'regex', pattern: '(x+)*y', fields: ['title'], scope: { kind: 'all' }, enabled: true }],
    });
    expect(reply.ok).toBe(false);
    expect(reply.errors?.x).toMatch(/repeats a group/);
    await input.fill('');
  });

  it('hides muted posts at ingest, counts them in the river and shows them on request; highlights stand out', async () => {
    await addRule('hide', 'words', 'sponsored', ['title']);
    await addRule('highlight', 'regex', 'python 3\\.\\d+', ['title']);
    await sendFromPage(options, { type: 'subscribe', url: FEED });
    const since = Date.now();
    await sendFromPage(options, { type: 'refresh-all' });
    await waitForRefresh(options, since);

    const timeline = await orrery.open('/timeline.html');
    await expect.poll(() => titles(timeline)).toEqual(['Python 3.14 released', 'Weekly links #12', 'A plain post']);
    await expect.poll(() => timeline.getByTestId('hidden-count').textContent()).toBe('1 post hidden by rules.');
    await timeline.getByTestId('hidden-toggle').click();
    // The hidden posts are read when the list opens.
    await expect
      .poll(() => timeline.getByTestId('hidden-entry').allTextContents())
      .toEqual([expect.stringMatching(/^Sponsored: buy our widgets · Rules test · .*\(rule: sponsored\)$/)]);
    // The highlighted post says so in words (and is marked for screen readers and sighted readers alike).
    const hl = timeline.locator('[data-testid="entry"]', { has: timeline.getByText('Python 3.14 released') });
    expect(await hl.getByTestId('entry-highlight').textContent()).toBe('Highlighted');
    expect(await timeline.getByTestId('entry-highlight').count()).toBe(1);

    const popup = await orrery.open('/popup.html');
    await expect.poll(() => popup.getByTestId('recent-entry').count()).toBe(3);
    const row = popup.locator('[data-testid="recent-entry"]', { has: popup.getByText('Python 3.14 released') });
    expect(await row.getByTestId('recent-highlight').textContent()).toBe('Highlighted');
    // The hidden post is read: the badge and the popup do not count it.
    expect(await popup.getByText('Sponsored').count()).toBe(0);
    await popup.close();
    await timeline.close();
  });

  it('applies a rule to stored posts on request: "mark read" mutes in place', async () => {
    await addRule('read', 'phrase', 'weekly links', ['title']);
    await options.getByTestId('rules-apply').click();
    await expect.poll(() => options.getByTestId('rules-status').textContent()).toBe('Checked 4 posts: 1 hidden, 1 marked read, 1 highlighted.');
    const timeline = await orrery.open('/timeline.html');
    const weekly = timeline.locator('[data-testid="entry"]', { has: timeline.getByText('Weekly links #12') });
    await expect.poll(() => weekly.getAttribute('data-read')).toBe('true');
    // Deleting the mute rule and applying again brings the hidden post back.
    await options.locator('[data-testid="rule-row"]', { hasText: 'sponsored' }).getByTestId('rule-delete').click();
    await expect.poll(() => options.getByTestId('rule-row').count()).toBe(2);
    await options.getByTestId('rules-apply').click();
    await expect.poll(() => options.getByTestId('rules-status').textContent()).toBe('Checked 4 posts: 0 hidden, 0 marked read, 1 highlighted.');
    await expect.poll(() => titles(timeline)).toContain('Sponsored: buy our widgets');
    expect(await timeline.getByTestId('hidden-by-rules').count()).toBe(0);
  });
});
