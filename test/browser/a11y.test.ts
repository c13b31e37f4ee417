/** axe-core on every page (popup, timeline in each view and theme, options): no serious or critical violations. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupRiver, type RiverFixture } from './river-setup';

const AXE = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let fx: RiverFixture;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe in the page (evaluated through CDP: the extension's CSP does not apply to it). */
async function axe(p: Page): Promise<Violation[]> {
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
    // Feed HTML is the publishers' markup, shown as they wrote it (sanitized): axe judges Orrery's own UI.
    const r = await w.axe.run({ exclude: [['[data-testid="entry-content"]']] } as unknown as Document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

const serious = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

beforeAll(async () => {
  fx = await setupRiver();
});

afterAll(async () => {
  await fx?.close();
});

/** Opens an extension page in a colour scheme and waits until `ready` (a test id) is shown. */
async function openIn(pathname: string, scheme: 'light' | 'dark', ready: string) {
  const p = await fx.orrery.open(pathname);
  await p.emulateMedia({ colorScheme: scheme });
  await p.getByTestId(ready).first().waitFor();
  return p;
}

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`popup, ${scheme}`, async () => {
      const p = await openIn('/popup.html', scheme, 'recent-entry');
      expect(serious(await axe(p))).toEqual([]);
      await p.close();
    });

    it(`timeline in every view, with the shortcuts dialog and the player, ${scheme}`, async () => {
      const p = await openIn('/timeline.html', scheme, 'entry');
      expect(serious(await axe(p))).toEqual([]);
      for (const view of ['view-summary', 'view-titles'] as const) {
        await p.getByTestId(view).click();
        await p.waitForTimeout(200);
        expect(serious(await axe(p)), view).toEqual([]);
      }
      await p.getByTestId('view-full').click();
      await p.getByTestId('feed-list-item').filter({ hasText: 'Python Bytes' }).locator('button').click();
      await p.getByTestId('entry-audio').first().getByRole('button', { name: /^(Play|Resume) episode/ }).click();
      await p.getByRole('button', { name: 'Pause' }).first().waitFor();
      expect(serious(await axe(p)), 'player').toEqual([]);
      await p.getByRole('button', { name: 'Pause' }).first().click();
      await p.keyboard.press('?');
      await p.getByTestId('shortcuts-dialog').waitFor();
      expect(serious(await axe(p)), 'dialog').toEqual([]);
      await p.close();
    });

    it(`options, ${scheme}`, async () => {
      const p = await openIn('/options.html', scheme, 'subscription');
      expect(serious(await axe(p))).toEqual([]);
      await p.close();
    });
  }
});
