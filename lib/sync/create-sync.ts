/**
 * The worker's sync service: connect, disconnect, one pass at a time (on the alarm, "Sync
 * now", or soon after a local change), with backoff after failures. Nothing it needs lives
 * in memory only: the account and cursor are in storage.local, the queue in IndexedDB.
 */
import { t } from '../i18n/t';
import type { Db } from '../db/open-db';
import type { Retention } from '../db/retention';
import { parseWebUrl } from '../util/web-url';
import { createGReaderClient, type GReaderClient, type SyncAccount } from './greader-client';
import { describeSyncError, type SyncFailure } from './describe-sync-error';
import { runSync } from './run-sync';
import { SyncError } from './sync-error';
import { clearQueue, queuedCount } from './sync-queue';
import { loadAccount, loadStatus, saveAccount, saveStatus, type StoredAccount, type SyncStatus, type SyncStorage } from './sync-store';

/** The alarm of periodic passes. */
export const SYNC_ALARM = 'orrery-sync';
/** Minutes between passes. */
export const SYNC_EVERY_MINUTES = 10;

/** What the service needs from the worker. */
export interface SyncServiceDeps {
  db: () => Promise<Db>;
  fetch: typeof fetch;
  now: () => number;
  storage: SyncStorage;
  alarms?: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
    clear(name: string): unknown;
    get(name: string): Promise<unknown>;
  };
  /** What the browser said about a failed request (certificate, DNS…). */
  networkCause?: (url: string, since: number) => string | undefined | Promise<string | undefined>;
  /** Posts or feeds changed: recount, badge, tell the pages. */
  onChange: () => void;
  /** After disconnecting: the feeds are Orrery's to poll again (plan the wake, poll those due). */
  onUnlinked?: () => void;
  /** The reader's retention, read at each pass (synced posts obey it as polled posts do). */
  retention?: () => Promise<Retention>;
  /** Debounce of soon() (ms). */
  soonMs?: number;
}

/** The worker's sync service. */
export interface SyncService {
  connect(account: SyncAccount): Promise<{ ok: true; user: string } | { ok: false; error: string }>;
  /** Forgets the account; every local post and subscription stays (and is polled again). */
  disconnect(): Promise<void>;
  /** One pass now (waits for a running one), unless a Retry-After or backoff forbids it. */
  run(reason: 'now' | 'alarm' | 'change'): Promise<SyncStatus>;
  /** A pass shortly (after a burst of local changes). */
  soon(): void;
  isConnected(): Promise<boolean>;
  status(): Promise<SyncStatus>;
  /** Sets the periodic alarm again if connected and it is missing (a browser update may clear alarms). */
  ensureAlarm(): Promise<void>;
}

/** Backoff after n failed passes: 1, 2, 4 … minutes, at most an hour. */
export function backoffMs(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1)) * 60_000;
}

function failureOf(err: unknown): SyncFailure {
  if (err instanceof SyncError) {
    return {
      kind: err.kind,
      message: err.message,
      ...(err.status !== undefined ? { status: err.status } : {}),
      ...(err.retryAt !== undefined ? { retryAt: err.retryAt } : {}),
      ...(err.suggestion !== undefined ? { suggestion: err.suggestion } : {}),
    };
  }
  return { kind: 'protocol', message: err instanceof Error ? err.message : String(err) };
}

/** Builds the service. */
export function createSync(deps: SyncServiceDeps): SyncService {
  let running: Promise<SyncStatus> | undefined;
  let soonTimer: ReturnType<typeof setTimeout> | undefined;

  const clientFor = (account: StoredAccount, startedAt: number): GReaderClient =>
    createGReaderClient({
      fetch: deps.fetch,
      now: deps.now,
      account,
      ...(account.auth ? { auth: account.auth } : {}),
      ...(account.blockedUntil ? { blockedUntil: account.blockedUntil } : {}),
      onAuth: (auth) => void (account.auth = auth),
      ...(account.token ? { token: account.token } : {}),
      onToken: (token) => void (account.token = token),
      onBlocked: (until) => void (account.blockedUntil = until),
      ...(deps.networkCause ? { networkCause: (url: string) => deps.networkCause!(url, startedAt) } : {}),
    });

  async function pass(reason: 'now' | 'alarm' | 'change'): Promise<SyncStatus> {
    const account = await loadAccount(deps.storage);
    if (!account) return loadStatus(deps.storage);
    const db = await deps.db();
    const startedAt = deps.now();
    let status: SyncStatus = { ...(await loadStatus(deps.storage)), connected: true, server: account.server };
    // After a failure the alarm waits (backoff); a Retry-After holds back even "Sync now" (the client refuses).
    if (reason !== 'now' && (account.nextAttemptAt ?? 0) > startedAt) return status;
    status = { ...status, running: true };
    delete status.phase;
    await saveStatus(deps.storage, status);
    const client = clientFor(account, startedAt);
    try {
      const { result, cursor } = await runSync(
        {
          db,
          client,
          now: deps.now,
          ...(deps.retention ? { retention: await deps.retention() } : {}),
          onProgress: (phase, done, total) => {
            status = { ...status, phase, done, total };
            void saveStatus(deps.storage, status);
          },
        },
        account.cursor ?? {},
      );
      account.cursor = cursor;
      account.failures = 0;
      delete account.nextAttemptAt;
      status = {
        ...status,
        running: false,
        lastSyncAt: deps.now(),
        last: { postsAdded: result.postsAdded, added: result.added, removed: result.removed, pushed: result.pushed, refused: result.refused, statesSent: result.statesSent, statesChanged: result.statesChanged },
      };
      delete status.error;
    } catch (err) {
      const failure = failureOf(err);
      account.failures = (account.failures ?? 0) + 1;
      account.nextAttemptAt = failure.retryAt ?? startedAt + backoffMs(account.failures);
      status = { ...status, running: false, error: failure };
      // The words, not the error object: nothing here carries the password.
      console.warn('[orrery:sync]', describeSyncError(failure, account.server));
    }
    delete status.phase;
    // The account may have been disconnected during the pass: then nothing is written back.
    if (await loadAccount(deps.storage)) {
      await saveAccount(deps.storage, account);
      status.queued = await queuedCount(db);
      await saveStatus(deps.storage, status);
    }
    deps.onChange();
    return status;
  }

  const service: SyncService = {
    async connect(input) {
      const url = parseWebUrl(input.server.trim());
      if (!url) return { ok: false, error: t('sync_badAddress') };
      if (!input.username.trim() || !input.password) return { ok: false, error: t('sync_enterCredentials') };
      const account: StoredAccount = { server: input.server.trim(), username: input.username.trim(), password: input.password };
      if (input.appId?.trim() && input.appKey?.trim()) {
        account.appId = input.appId.trim();
        account.appKey = input.appKey.trim();
      }
      const client = clientFor(account, deps.now());
      let user: string;
      try {
        await client.login();
        user = await client.userName();
      } catch (err) {
        const failure = failureOf(err);
        await saveStatus(deps.storage, { connected: false, server: account.server, error: failure });
        return { ok: false, error: describeSyncError(failure, account.server) };
      }
      await clearQueue(await deps.db());
      await saveAccount(deps.storage, account);
      await saveStatus(deps.storage, { connected: true, server: account.server, user });
      deps.alarms?.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES, delayInMinutes: SYNC_EVERY_MINUTES });
      void service.run('now');
      return { ok: true, user };
    },
    async disconnect() {
      await deps.storage.remove('syncAccount');
      await saveStatus(deps.storage, { connected: false });
      deps.alarms?.clear(SYNC_ALARM);
      const db = await deps.db();
      await clearQueue(db);
      // Local data stays: synced feeds become Orrery's own again and are polled from now on.
      const tx = db.transaction('feeds', 'readwrite');
      const now = deps.now();
      for (let c = await tx.store.openCursor(); c; c = await c.continue()) {
        if (!c.value.syncId && c.value.syncLocalOnly === undefined) continue;
        const next = { ...c.value, nextCheckAt: c.value.syncId ? now : c.value.nextCheckAt, scheduleReason: 'sync disconnected' };
        delete next.syncId;
        delete next.syncLocalOnly;
        await c.update(next);
      }
      await tx.done;
      deps.onChange();
      deps.onUnlinked?.();
    },
    run(reason) {
      if (running) return reason === 'now' ? running.then(() => service.run('now')) : running;
      running = pass(reason).finally(() => (running = undefined));
      return running;
    },
    soon() {
      clearTimeout(soonTimer);
      soonTimer = setTimeout(() => void service.run('change'), deps.soonMs ?? 3000);
    },
    async isConnected() {
      return (await loadAccount(deps.storage)) !== undefined;
    },
    status: () => loadStatus(deps.storage),
    async ensureAlarm() {
      if (!deps.alarms || !(await service.isConnected())) return;
      if (!(await deps.alarms.get(SYNC_ALARM))) deps.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES, delayInMinutes: 1 });
    },
  };
  return service;
}
