/**
 * How often a page called some of its functions while something happened, counted by V8's
 * precise coverage over CDP (no build of the page for tests). A function is named by a string
 * literal only it holds (a test id, a label): the innermost function around the literal counts.
 */
import type { Page } from 'playwright-core';

interface CoverageRange {
  startOffset: number;
  endOffset: number;
  count: number;
}
interface ScriptCoverage {
  scriptId: string;
  url: string;
  functions: { functionName: string; ranges: CoverageRange[] }[];
}

/**
 * Calls of the function around each marker while `during` runs. Counting starts before `setup`
 * (which should load the page and bring it to the state to watch: V8 reports only functions
 * called since counting started, and `setup` is what locates them). Throws when a marker is in
 * no function `setup` ran, or in several.
 */
export async function callsDuring<K extends string>(
  page: Page,
  markers: Record<K, string>,
  setup: () => Promise<unknown>,
  during: () => Promise<unknown>,
): Promise<Record<K, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await setup();
  // Taking coverage resets the counters: what follows counts only `during`.
  const { result: before } = (await cdp.send('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
  await during();
  const { result: after } = (await cdp.send('Profiler.takePreciseCoverage')) as { result: ScriptCoverage[] };
  await cdp.send('Profiler.stopPreciseCoverage');
  await cdp.detach();
  const own = before.filter((s) => s.url.startsWith('chrome-extension://'));
  const sources = await Promise.all(own.map((s) => page.evaluate((u) => fetch(u).then((r) => r.text()), s.url)));
  const counted = new Map<string, number>();
  for (const script of after) for (const f of script.functions) if (f.ranges[0]) counted.set(`${script.scriptId}:${f.ranges[0].startOffset}:${f.ranges[0].endOffset}`, f.ranges[0].count);
  const out = {} as Record<K, number>;
  for (const [name, marker] of Object.entries(markers) as [K, string][]) {
    const around = new Set<string>();
    own.forEach((script, i) => {
      const source = sources[i]!;
      // The minifier may quote it any way.
      for (const literal of ['`', '"', "'"].map((q) => q + marker + q)) {
        for (let at = source.indexOf(literal); at >= 0; at = source.indexOf(literal, at + 1)) {
          let inner: CoverageRange | undefined;
          for (const f of script.functions) {
            const r = f.ranges[0];
            // The innermost function around the literal; the script's top level is no function.
            if (!r || r.startOffset === 0 || r.startOffset > at || r.endOffset < at) continue;
            if (!inner || r.endOffset - r.startOffset < inner.endOffset - inner.startOffset) inner = r;
          }
          if (inner) around.add(`${script.scriptId}:${inner.startOffset}:${inner.endOffset}`);
        }
      }
    });
    const [found, ...others] = around;
    if (!found) throw new Error(`no function the page has run holds "${marker}"`);
    if (others.length) throw new Error(`"${marker}" is in ${around.size} functions: choose a marker only one holds`);
    out[name] = counted.get(found) ?? 0;
  }
  return out;
}
