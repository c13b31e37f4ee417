/**
 * Subscribing to a Planet: importing an OPML list from its URL and, when asked, keeping the
 * subscriptions in step with it (new feeds added, feeds it dropped flagged, never removed).
 */
import { t, tn } from '../i18n/t';
import { decodeBytes } from '../charset/decode-bytes';
import type { Db } from '../db/open-db';
import { addFeeds, patchFeedsByUrl } from '../db/feeds';
import type { ImportReport } from '../messaging/protocol';
import { parseOpml } from '../opml/parse-opml';
import { describeFetchStatus } from '../poll/describe-status';
import { fetchFeed, type FetchOutcome } from '../poll/fetch-feed';
import { staggerFirstPolls } from '../poll/stagger';
import { isHtml } from './fetch-for-preview';
import { importOpml, importSpreadMs } from './import-opml';
import { opmlLinkInPage } from './opml-link-in-page';
import type { Planet, PlanetStore } from './planet-store';
import { parseUserUrl } from './user-url';

/** What planets need. */
export interface PlanetDeps {
  db: Db;
  fetch: typeof fetch;
  now: () => number;
  planets: PlanetStore;
  random?: () => number;
  onProgress?: (done: number, total: number) => void;
}

/** An OPML list read from a URL. */
type Fetched = { ok: true; url: string; text: string; out: FetchOutcome } | { ok: false; error: string; notModified?: boolean };

async function fetchOpml(url: string, deps: PlanetDeps, validators: { etag?: string; lastModified?: string } = {}, followPage = true): Promise<Fetched> {
  const out = await fetchFeed({ url, ...validators }, { fetch: deps.fetch });
  if (out.kind === 'not-modified') return { ok: false, notModified: true, error: t('opml_noChange') };
  if (out.kind !== 'ok' || !out.bytes) {
    const d = describeFetchStatus({ kind: out.kind, ...(out.status !== undefined ? { status: out.status } : {}), ...(out.message ? { message: out.message } : {}) });
    return { ok: false, error: t('error_couldNotRead', { url, reason: d.message }) };
  }
  const text = decodeBytes(out.bytes, out.headers.contentType).text;
  if (isHtml(out.headers.contentType, text)) {
    const linked = followPage ? opmlLinkInPage(text, out.finalUrl) : undefined;
    if (linked && linked !== url) return fetchOpml(linked, deps, {}, false);
    return { ok: false, error: t('opml_pageWithoutList', { url }) };
  }
  return { ok: true, url: out.finalUrl === url ? url : out.finalUrl, text, out };
}

/** The outcome of importing from a URL. */
export type UrlImportResult = { ok: true; report: ImportReport; planet?: Planet } | { ok: false; error: string };

/** Imports the OPML list at `input`; with keepInSync, remembers it as a Planet to follow. */
export async function importOpmlFromUrl(input: string, keepInSync: boolean, deps: PlanetDeps): Promise<UrlImportResult> {
  const parsedUrl = parseUserUrl(input);
  if (!parsedUrl.ok) return { ok: false, error: parsedUrl.error };
  const got = await fetchOpml(parsedUrl.url, deps);
  if (!got.ok) return { ok: false, error: got.error };
  const now = deps.now();
  const result = await importOpml(deps.db, got.text, { now, ...(deps.random ? { random: deps.random } : {}), ...(deps.onProgress ? { onProgress: deps.onProgress } : {}) });
  if (!result.ok) return { ok: false, error: t('opml_itemReason', { item: got.url, reason: result.error }) };
  if (!keepInSync) return { ok: true, report: result.report };
  const planet: Planet = {
    url: got.url,
    title: result.report.title ?? new URL(got.url).host,
    addedAt: now,
    feedUrls: [...new Set(result.feeds.map((f) => f.url))],
    lastSyncAt: now,
    lastOk: true,
    lastResult: t('opml_imported', { added: result.report.added }),
    ...(got.out.headers.etag ? { etag: got.out.headers.etag } : {}),
    ...(got.out.headers.lastModified ? { lastModified: got.out.headers.lastModified } : {}),
  };
  await deps.planets.save(planet);
  return { ok: true, report: result.report, planet };
}

/** What a sync changed. */
export interface SyncSummary {
  added: number;
  /** Feeds the list no longer has (flagged, still subscribed). */
  removed: number;
  notModified: boolean;
}

/**
 * Fetches a Planet's list again (conditionally) and brings the subscriptions in step: feeds new
 * to the list are subscribed (unless they were there before: a feed the user unsubscribed from
 * stays unsubscribed), feeds it dropped are flagged for the user to decide.
 */
export async function syncPlanet(planet: Planet, deps: PlanetDeps): Promise<{ ok: true; summary: SyncSummary } | { ok: false; error: string }> {
  const now = deps.now();
  const got = await fetchOpml(planet.url, deps, { ...(planet.etag ? { etag: planet.etag } : {}), ...(planet.lastModified ? { lastModified: planet.lastModified } : {}) });
  if (!got.ok && got.notModified) {
    await deps.planets.save({ ...planet, lastSyncAt: now, lastOk: true, lastResult: t('opml_noChange') });
    return { ok: true, summary: { added: 0, removed: 0, notModified: true } };
  }
  const parsed = got.ok ? parseOpml(got.text) : undefined;
  if (!got.ok || !parsed?.ok) {
    const error = !got.ok ? got.error : t('opml_itemReason', { item: planet.url, reason: parsed && !parsed.ok ? parsed.error : t('opml_unreadable') });
    await deps.planets.save({ ...planet, lastSyncAt: now, lastOk: false, lastResult: error });
    return { ok: false, error };
  }
  const known = new Set(planet.feedUrls);
  const current = new Map(parsed.feeds.map((f) => [f.url, f]));
  const fresh = [...current.values()].filter((f) => !known.has(f.url));
  const times = staggerFirstPolls(fresh.length, now, importSpreadMs(fresh.length), deps.random ?? Math.random);
  const { added } = await addFeeds(
    deps.db,
    fresh.map((f, i) => ({ url: f.url, title: f.title, ...(f.siteUrl ? { siteUrl: f.siteUrl } : {}), ...(f.folder ? { folder: f.folder } : {}), firstCheckAt: times[i] ?? now })),
    now,
  );
  const dropped = planet.feedUrls.filter((u) => !current.has(u));
  const flag = { url: planet.url, title: planet.title, at: now };
  const removed = await patchFeedsByUrl(deps.db, dropped, (f) => (f.leftPlanet ? undefined : { ...f, leftPlanet: flag }));
  // A feed that came back to the list is no longer flagged.
  await patchFeedsByUrl(deps.db, [...current.keys()], (f) => {
    if (f.leftPlanet?.url !== planet.url) return undefined;
    const { leftPlanet: _gone, ...rest } = f;
    return rest;
  });
  const words = t('opml_syncResult', { added: tn('opml_newFeedsAdded', added.length), removed: tn('opml_noLongerListed', removed) });
  await deps.planets.save({
    ...planet,
    feedUrls: [...current.keys()],
    lastSyncAt: now,
    lastOk: true,
    lastResult: words,
    ...(got.out.headers.etag ? { etag: got.out.headers.etag } : {}),
    ...(got.out.headers.lastModified ? { lastModified: got.out.headers.lastModified } : {}),
  });
  return { ok: true, summary: { added: added.length, removed, notModified: false } };
}

/** Syncs every Planet in turn; returns whether any feed was added (so the poller runs). */
export async function syncAllPlanets(deps: PlanetDeps): Promise<boolean> {
  let addedAny = false;
  for (const planet of await deps.planets.list()) {
    const r = await syncPlanet(planet, deps).catch((err: unknown) => {
      console.error('[orrery:planet]', planet.url, err);
      return undefined;
    });
    if (r?.ok && r.summary.added > 0) addedAny = true;
  }
  return addedAny;
}
