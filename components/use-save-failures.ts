/** The statuses the worker holds because the database refused to store them (storage full), kept current in a page. */
import { useEffect, useState } from 'preact/hooks';
import { onStoredChange } from '../lib/messaging/changes';
import { send } from '../lib/messaging/protocol';
import type { SaveFailureState } from '../lib/poll/save-failures';

/**
 * Asks the worker when the page opens and after each stored change. Apart from the database
 * reads, so a worker busy with a refresh never holds back what the database already has.
 */
export function useSaveFailures(): SaveFailureState | undefined {
  const [state, setState] = useState<SaveFailureState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const ask = async () => {
      const s = await send({ type: 'get-save-failures' }).catch(() => undefined);
      if (live && s) setState(s);
    };
    void ask();
    const off = onStoredChange(ask);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
