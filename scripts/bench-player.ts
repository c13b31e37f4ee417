// `npm run bench:player`: what the timeline's script costs while a podcast plays. Chromium
// fires `timeupdate` about four times a second; each one should repaint the position and
// nothing else. Measured with CDP Performance.getMetrics (ScriptDuration: all script run by the
// page's renderer) over 10 s of playback, against the same 10 s with the episode paused (the
// page's idle floor), in two places: the podcast's own river (12 episodes with controls, the
// active one inline) and the river of every feed with the player docked at the bottom.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.ORRERY_OUT ??= '.output-player-bench';
// Imported after ORRERY_OUT is set: launch.ts reads it when it loads.
const { setupRiver } = await import('../test/browser/river-setup');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SPAN_MS = 10_000;

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore', env: process.env });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
}

/** Script time over SPAN_MS with the audio playing (from the start of the 30 s episode) or paused. */
async function span(page: Page, cdp: CDPSession, playing: boolean): Promise<{ ms: number; updates: number }> {
  await page.evaluate(async (play) => {
    const a = document.querySelector('audio')!;
    a.currentTime = 0;
    if (play) await a.play();
    else a.pause();
    (window as unknown as { updates: number }).updates = 0;
    a.ontimeupdate = () => (window as unknown as { updates: number }).updates++;
  }, playing);
  const before = await scriptMs(cdp);
  await page.waitForTimeout(SPAN_MS);
  const ms = (await scriptMs(cdp)) - before;
  const updates = await page.evaluate(() => {
    document.querySelector('audio')!.ontimeupdate = null;
    return (window as unknown as { updates: number }).updates;
  });
  return { ms, updates };
}

const fx = await setupRiver();
try {
  const page = await fx.orrery.open('/timeline.html');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.getByTestId('feed-list-item').filter({ hasText: 'Python Bytes' }).locator('button').click();
  const first = page.getByTestId('entry-audio').first();
  await first.waitFor();
  // A click starts the episode (a user gesture, as media playback wants), then the spans drive it.
  await first.getByRole('button', { name: /^(Play|Resume) episode/ }).click();
  await page.waitForFunction(() => !document.querySelector('audio')!.paused);

  const rows: string[] = [];
  for (const place of ['podcast river, controls inline', 'all feeds, player docked'] as const) {
    if (place === 'all feeds, player docked') {
      await page.locator('.sidebar .scope', { hasText: 'All feeds' }).first().click();
      await page.getByTestId('player-dock').waitFor();
    }
    const play: number[] = [];
    const idle: number[] = [];
    let updates = 0;
    for (let i = 0; i < RUNS; i++) {
      const p = await span(page, cdp, true);
      play.push(p.ms);
      updates = p.updates;
      idle.push((await span(page, cdp, false)).ms);
    }
    const entries = await page.getByTestId('entry').count();
    rows.push(
      `| ${place} (${entries} posts in the DOM) | ${median(play).toFixed(0)} | ${median(idle).toFixed(0)} | ${(median(play) - median(idle)).toFixed(0)} | ${updates} |`,
    );
  }
  console.log(`## Timeline script while a podcast plays, per ${SPAN_MS / 1000} s (medians of ${RUNS})\n`);
  console.log('| where | script ms, playing | script ms, paused | playback costs (ms) | timeupdate events |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
} finally {
  await fx.close();
}
