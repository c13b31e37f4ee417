/** Why a feed's fetch failed in the network, from what the browser reported besides fetch's TypeError. */
import type { FetchStatusKind } from '../db/types';
import { chainText, redirectTrouble, type RedirectLog } from './redirect-log';

/**
 * What `fetch`'s bare "Failed to fetch" was: a redirect loop (the browser's redirects came
 * back to an address they passed), too many redirects, or the network error the browser
 * reported (DNS, certificate, refused…), so the user reads which.
 */
export function networkCause(url: string, message: string | undefined, log: RedirectLog, since: number): { status: FetchStatusKind; message: string | undefined } {
  const trouble = redirectTrouble(log.chain(url, since));
  if (trouble?.loop) return { status: 'redirect-loop', message: chainText(trouble.urls) };
  const error = log.errorFor(url, since);
  if (trouble) return { status: 'network-error', message: `Too many redirects: ${chainText(trouble.urls)}${error ? `; ${error}` : ''}` };
  return { status: 'network-error', message: error ?? message };
}

