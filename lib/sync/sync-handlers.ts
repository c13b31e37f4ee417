/** The Sync section's requests, answered by the worker's sync service. */
import type { Handlers } from '../messaging/handlers';
import type { SyncRequest } from '../messaging/protocol';
import type { BrowserSync } from './create-browser-sync';
import type { SyncService } from './create-sync';

/** Handlers for connect, "Sync now", disconnect and the browser sync's switch. */
export function createSyncHandlers(sync: SyncService, browserSync: BrowserSync): Pick<Handlers, SyncRequest['type']> {
  return {
    'browser-sync-set': (req) => browserSync.setEnabled(req.on),
    'sync-connect': (req) => sync.connect(req.account),
    'sync-now': () => sync.run('now'),
    'sync-disconnect': async () => {
      await sync.disconnect();
      return { ok: true };
    },
  };
}
