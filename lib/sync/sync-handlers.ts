/** The Sync section's requests, answered by the worker's sync service. */
import type { Handlers } from '../messaging/handlers';
import type { SyncRequest } from '../messaging/protocol';
import type { SyncService } from './create-sync';

/** Handlers for connect, "Sync now" and disconnect. */
export function createSyncHandlers(sync: SyncService): Pick<Handlers, SyncRequest['type']> {
  return {
    'sync-connect': (req) => sync.connect(req.account),
    'sync-now': () => sync.run('now'),
    'sync-disconnect': async () => {
      await sync.disconnect();
      return { ok: true };
    },
  };
}
