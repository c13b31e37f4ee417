// `npm run bench:wakeups`: how often the background worker wakes up to poll, per simulated day,
// before (an alarm every minute) and after (one alarm at the next due feed, planNextWake, with
// the feeds due within a few minutes gathered into that wake, dueAtWake). Runs in Node with
// Orrery's own pure scheduler (nextCheckAt): no browser, a few seconds.
//
// Subscriptions: 10 feeds, and the 545 of Planet Python's OPML (test/fixtures/planet-python.opml).
// Posting cadences (the scheduler checks a feed about three times per gap between its posts,
// within the 1 h - 24 h bounds) follow Planet Python's mix: a few feeds post several times a
// day, some daily or weekly, many monthly, most are dormant (the fixtures' snapshot of the
// Planet page shows 25 posts from 11 of 545 feeds in three days). Posts arrive as a Poisson
// process per feed. Two starting points: a fresh OPML import (first polls staggered as the
// import does, ~2 s apart), and subscriptions made over months (each feed's next check at a
// random point of its first day), the harder case for gathering.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOpml } from '../lib/opml/parse-opml';
import { dueAtWake, GATHER_WINDOW_MS, type WakeFeed } from '../lib/poll/due-at-wake';
import { planNextWake } from '../lib/poll/plan-next-wake';
import { nextCheckAt } from '../lib/poll/schedule';
import { staggerFirstPolls } from '../lib/poll/stagger';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { importSpreadMs } from '../lib/subscribe/import-opml';
import { seededRandom as prng } from '../test/conformance/fuzz-mutations';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const DAYS = 8;
const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const SETTINGS = { minIntervalMs: DEFAULT_SETTINGS.minIntervalMinutes * MIN, maxIntervalMs: DEFAULT_SETTINGS.maxIntervalMinutes * MIN };

/** Share of feeds and their mean gap between posts (Infinity: no post for years). */
const MIX: [share: number, gapMs: number, what: string][] = [
  [0.01, 4 * H, 'several posts a day'],
  [0.03, DAY, 'daily'],
  [0.06, 3 * DAY, 'every few days'],
  [0.1, 7 * DAY, 'weekly'],
  [0.2, 30 * DAY, 'monthly'],
  [0.6, Infinity, 'dormant'],
];
/** The 10-feed reader: one busy feed, two daily, a few weekly, two monthly, two dormant. */
const TEN_GAPS = [4 * H, DAY, DAY, 3 * DAY, 7 * DAY, 7 * DAY, 30 * DAY, 30 * DAY, Infinity, Infinity];


interface SimFeed extends WakeFeed {
  /** Publication times, ascending. */
  posts: number[];
}

/** Posts of a feed with mean gap `gap`, from four months before T0 to the end of the simulation. */
function postsOf(gap: number, random: () => number): number[] {
  if (!Number.isFinite(gap)) {
    // Dormant: ten posts, the newest one to five years old.
    const last = T0 - (1 + 4 * random()) * 365 * DAY;
    return Array.from({ length: 10 }, (_, i) => last - (9 - i) * 30 * DAY);
  }
  const out: number[] = [];
  for (let t = T0 - 120 * DAY; t < T0 + DAYS * DAY; ) {
    t += -Math.log(1 - random()) * gap;
    out.push(t);
  }
  return out;
}

function gapsFor(n: number, random: () => number): number[] {
  if (n === TEN_GAPS.length) return TEN_GAPS;
  return Array.from({ length: n }, () => {
    let r = random();
    for (const [share, gap] of MIX) {
      if (r < share) return gap;
      r -= share;
    }
    return Infinity;
  });
}

function makeFeeds(n: number, start: 'import' | 'spread', seed: number): SimFeed[] {
  const random = prng(seed);
  const gaps = gapsFor(n, random);
  const first = start === 'import' ? staggerFirstPolls(n, T0, importSpreadMs(n), random) : gaps.map(() => T0 + random() * DAY);
  return gaps.map((gap, i) => ({ state: 'active', nextCheckAt: first[i] ?? T0, intervalMs: 0, posts: postsOf(gap, random) }));
}

/** One poll of `f` at `t`: the scheduler decides its next check from the posts it can see. */
function poll(f: SimFeed, t: number): void {
  let newest = 0;
  while (newest < f.posts.length && (f.posts[newest] ?? Infinity) <= t) newest++;
  const seen = f.posts.slice(Math.max(0, newest - 10), newest).reverse();
  const fresh = seen.length > 0 && (seen[0] ?? 0) > (f.lastFetchAt ?? -Infinity);
  const d = nextCheckAt({ now: t, outcome: fresh ? 'ok' : 'not-modified', errorCount: 0, postTimes: seen, ...SETTINGS });
  f.nextCheckAt = d.at;
  f.intervalMs = d.intervalMs;
  f.lastFetchAt = t;
}

interface Tally {
  wakes: number[];
  polls: number[];
  /** How late (+) or early (-) each poll came against its due time, ms. */
  offsets: number[];
}

const dayOf = (t: number) => Math.floor((t - T0) / DAY);

function pass(feeds: SimFeed[], t: number, due: (f: SimFeed) => boolean, tally: Tally): void {
  for (const f of feeds) {
    if (!due(f)) continue;
    tally.offsets.push(t - f.nextCheckAt);
    tally.polls[dayOf(t)] = (tally.polls[dayOf(t)] ?? 0) + 1;
    poll(f, t);
  }
}

const blank = (): Tally => ({ wakes: Array<number>(DAYS).fill(0), polls: Array<number>(DAYS).fill(0), offsets: [] });
const END = T0 + DAYS * DAY;

/** Before: an alarm every minute polls whatever is due. (At T0 the import's own call runs too.) */
function simulateMinuteAlarm(feeds: SimFeed[]): Tally {
  const tally = blank();
  pass(feeds, T0, (f) => f.nextCheckAt <= T0, tally);
  for (let t = T0 + MIN; t < END; t += MIN) {
    tally.wakes[dayOf(t)]! += 1;
    pass(feeds, t, (f) => f.nextCheckAt <= t, tally);
  }
  return tally;
}

/** After: one alarm at the planned wake; each wake polls what dueAtWake picks, then plans the next. */
function simulatePlannedWake(feeds: SimFeed[], windowMs: number): Tally {
  const tally = blank();
  pass(feeds, T0, (f) => dueAtWake(f, T0, windowMs), tally);
  for (let t = planNextWake(feeds.map((f) => f.nextCheckAt), T0, SETTINGS); t !== undefined && t < END; t = planNextWake(feeds.map((f) => f.nextCheckAt), t, SETTINGS)) {
    const now = t;
    tally.wakes[dayOf(now)]! += 1;
    pass(feeds, now, (f) => dueAtWake(f, now, windowMs), tally);
  }
  return tally;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : 0);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const minutes = (ms: number) => `${(ms / MIN).toFixed(1)}`;

const opml = parseOpml(readFileSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'planet-python.opml'), 'utf8'));
if (!opml.ok) throw new Error(opml.error);
const planet = opml.feeds.length;

console.log(`## Worker wake-ups per simulated day (${DAYS} days, default bounds 1 h - 24 h)\n`);
console.log('Day 1 includes the import; days 2-8 are the mean of the following week. "requests" is polls per day');
console.log('(what publishers see); "late / early" is how far polls came after (+) or before (-) their due time.\n');
console.log('| feeds | start | alarm | wake-ups day 1 | wake-ups/day, days 2-8 | polls/day, days 2-8 | requests vs before | latest / earliest poll (min) |');
console.log('|---:|---|---|---:|---:|---:|---:|---:|');
for (const n of [10, planet]) {
  for (const start of ['import', 'spread'] as const) {
    const before = simulateMinuteAlarm(makeFeeds(n, start, n));
    const after = simulatePlannedWake(makeFeeds(n, start, n), GATHER_WINDOW_MS);
    const week = (xs: number[]) => mean(xs.slice(1));
    const row = (label: string, t: Tally, ratio: string) =>
      console.log(
        `| ${n} | ${start === 'import' ? 'OPML import' : 'over months'} | ${label} | ${fmt(t.wakes[0] ?? 0)} | ${fmt(week(t.wakes))} | ${fmt(week(t.polls))} | ${ratio} | +${minutes(Math.max(0, ...t.offsets))} / ${minutes(Math.min(0, ...t.offsets))} |`,
      );
    row('every minute (before)', before, '1.00');
    row(`next due, gather ${GATHER_WINDOW_MS / MIN} min (after)`, after, (week(after.polls) / week(before.polls)).toFixed(2));
  }
}

console.log(`\n## The gather window, ${planet} feeds subscribed over months\n`);
console.log('| window (min) | wake-ups/day, days 2-8 | polls/day | requests vs no window | early, mean of early polls (min) |');
console.log('|---:|---:|---:|---:|---:|');
const base = simulatePlannedWake(makeFeeds(planet, 'spread', planet), 0);
for (const w of [0, 1, 2, 5, 10, 15]) {
  const t = simulatePlannedWake(makeFeeds(planet, 'spread', planet), w * MIN);
  const early = t.offsets.filter((o) => o < 0);
  console.log(`| ${w} | ${fmt(mean(t.wakes.slice(1)))} | ${fmt(mean(t.polls.slice(1)))} | ${(mean(t.polls.slice(1)) / mean(base.polls.slice(1))).toFixed(3)} | ${minutes(-mean(early))} |`);
}
