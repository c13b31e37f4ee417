/**
 * The worker's side of the browser's own sync (storage.sync): after a local change (debounced),
 * when another browser's items arrive, and at every start, one merge: this browser's changes
 * stamped, merged with the items in storage.sync, applied to the local feeds, and only the
 * items that changed written back, no more often than the write quotas allow. Every failure
 * is kept in the status the options page shows; nothing is dropped silently.
 */
import type { Db } from '../db/open-db';
import { isDocKey, readItems, layoutDoc, QUOTA } from './browser-sync-codec';
import { t } from '../i18n/t';
import { mergeDocs, prune, sec, settle, TOMBSTONE_DAYS, type SyncDoc } from './browser-sync-doc';
import { applyFeedOps, type ApplyResult } from './browser-sync-apply';
import { planLocalChanges, stampLocalChanges } from './browser-sync-plan';
import type { SyncStorage } from './sync-store';
import { BROWSER_SYNC_ENABLED_KEY, BROWSER_SYNC_STATUS_KEY, LOCAL_STATE_KEY, loadBrowserSyncStatus, loadLocal, saveLocal, storageErrorKind, type BrowserSyncStatus } from './browser-sync-store';

/** storage.sync as the service uses it (browser.storage.sync, or a fake in tests). */
export interface SyncArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Debounce after a change, and the least time between two writes (2 operations each: 120/min, 1800/h allowed). */
export const BROWSER_SYNC_DEBOUNCE_MS = 2_000;
export const BROWSER_SYNC_WRITE_GAP_MS = 10_000;

/** What the service needs. */
export interface BrowserSyncDeps {
  db: () => Promise<Db>;
  sync: SyncArea;
  local: SyncStorage;
  now: () => number;
  /** Feeds were added, removed, moved or changed here by a merge. */
  onApplied?: (r: ApplyResult) => void;
  debounceMs?: number;
  writeGapMs?: number;
  /** Runs `fn` after `ms` (setTimeout; a test records it instead); returns a cancel. */
  schedule?: (fn: () => void, ms: number) => () => void;
}

/** The service. */
export interface BrowserSync {
  /** A merge shortly (after a burst of changes). */
  soon(): void;
  /** One merge now (waits for a running one). */
  run(): Promise<BrowserSyncStatus>;
  setEnabled(on: boolean): Promise<BrowserSyncStatus>;
  status(): Promise<BrowserSyncStatus>;
}

/** Builds the service. */
export function createBrowserSync(deps: BrowserSyncDeps): BrowserSync {
  let running: Promise<BrowserSyncStatus> | undefined;
  let again = false;
  let cancel: (() => void) | undefined;
  let lastWriteAt = 0;
  const gap = deps.writeGapMs ?? BROWSER_SYNC_WRITE_GAP_MS;
  const schedule =
    deps.schedule ??
    ((fn: () => void, ms: number) => {
      const t = setTimeout(fn, ms);
      return () => clearTimeout(t);
    });

  const later = (ms: number) => {
    cancel?.();
    cancel = schedule(() => void service.run(), ms);
  };
  const save = async (s: BrowserSyncStatus) => {
    await deps.local.set({ [BROWSER_SYNC_STATUS_KEY]: s });
    return s;
  };

  async function merge(): Promise<BrowserSyncStatus> {
    const prior = await loadBrowserSyncStatus(deps.local);
    if (!prior.enabled) return prior;
    const status: BrowserSyncStatus = { ...prior };
    delete status.error;
    const fail = async (kind: NonNullable<BrowserSyncStatus['error']>['kind'], message: string, retryInMs?: number) => {
      const at = deps.now();
      status.error = { kind, message, at, ...(retryInMs ? { retryAt: at + retryInMs } : {}) };
      if (retryInMs) later(retryInMs);
      console.warn('[orrery:browser-sync]', message);
      return save(status);
    };
    let items: Record<string, unknown>;
    try {
      items = await deps.sync.get(null);
    } catch (err) {
      return fail('storage', errorText(err), 60_000);
    }
    const remote = readItems(items);
    // A newer Orrery wrote items this one cannot read: writing over them would lose its data.
    if (remote.unreadable.length) return fail('unreadable', t('worker_browserSyncUnreadable', { detail: remote.unreadable.join('; ') }));

    const db = await deps.db();
    const feeds = await db.getAll('feeds');
    const state = await loadLocal(deps.local);
    const mine = stampLocalChanges(feeds, state, deps.now());
    const merged = settle(prune(mergeDocs(mine, remote.doc), sec(deps.now()) - TOMBSTONE_DAYS * 86_400));
    const ops = planLocalChanges(merged, feeds);
    const applied = await applyFeedOps(db, ops, deps.now());
    const ids = new Map(feeds.map((f) => [f.url, f.id]));
    for (const [url, id] of applied.ids) {
      if (id) ids.set(url, id);
      else ids.delete(url);
    }
    await saveLocal(deps.local, { doc: merged, ids });
    if (applied.added + applied.removed + applied.moved + applied.updated > 0) {
      status.applied = { added: applied.added, removed: applied.removed, moved: applied.moved, updated: applied.updated };
      deps.onApplied?.(applied);
    }
    status.feeds = [...merged.e.values()].filter((e) => e.a > (e.d ?? 0)).length;
    status.lastMergeAt = deps.now();

    const layout = layoutDoc(shrinkIfNeeded(merged), remote.parts);
    if (!layout.ok) return fail('too-large', t('worker_browserSyncTooLarge', { size: Math.ceil(layout.bytes / 1024), quota: QUOTA.total / 1024 }));
    const changed: Record<string, string> = {};
    for (const [k, v] of Object.entries(layout.items)) if (items[k] !== v) changed[k] = v;
    const stale = Object.keys(items).filter((k) => isDocKey(k) && !(k in layout.items));
    status.bytes = layout.bytes;
    status.items = Object.keys(layout.items).length;
    if (Object.keys(changed).length === 0 && stale.length === 0) return save(status);
    const wait = lastWriteAt + gap - deps.now();
    if (wait > 0) {
      later(wait);
      return save(status);
    }
    try {
      lastWriteAt = deps.now();
      // New items first, then the old partition's: a reader in between sees every URL at least once.
      if (Object.keys(changed).length) await deps.sync.set(changed);
      if (stale.length) await deps.sync.remove(stale);
    } catch (err) {
      const message = errorText(err);
      const kind = storageErrorKind(message);
      return fail(kind, message, kind === 'rate' ? 60_000 : kind === 'storage' ? 60_000 : undefined);
    }
    status.lastWriteAt = deps.now();
    return save(status);
  }

  const service: BrowserSync = {
    soon() {
      later(deps.debounceMs ?? BROWSER_SYNC_DEBOUNCE_MS);
    },
    run() {
      if (running) {
        again = true;
        return running;
      }
      running = merge()
        .catch(async (err: unknown) => {
          const s = await loadBrowserSyncStatus(deps.local);
          return save({ ...s, error: { kind: 'storage', message: errorText(err), at: deps.now() } });
        })
        .finally(() => {
          running = undefined;
          if (again) {
            again = false;
            service.soon();
          }
        });
      return running;
    },
    async setEnabled(on) {
      await deps.local.set({ [BROWSER_SYNC_ENABLED_KEY]: on });
      // Off forgets what this browser knew: turning it on again joins the list afresh (a union).
      if (!on) {
        await deps.local.remove(LOCAL_STATE_KEY);
        cancel?.();
        return save({ enabled: false });
      }
      return service.run();
    },
    status: () => loadBrowserSyncStatus(deps.local),
  };
  return service;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Near the total quota, the oldest removals are forgotten first (the horizon moves up with
 * them, so they are not brought back); subscriptions are never dropped.
 */
function shrinkIfNeeded(doc: SyncDoc): SyncDoc {
  const first = layoutDoc(doc);
  if (first.ok) return doc;
  const removals = [...doc.e.values()].filter((e) => !(e.a > (e.d ?? 0))).map((e) => e.d ?? 0).sort((x, y) => x - y);
  let out = doc;
  for (let i = Math.ceil(removals.length / 4); removals.length && i <= removals.length; i += Math.ceil(removals.length / 4)) {
    out = prune(doc, removals[Math.min(i, removals.length) - 1]!);
    if (layoutDoc(out).ok) return out;
  }
  return out;
}
