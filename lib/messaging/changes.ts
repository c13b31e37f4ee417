/**
 * "Something stored changed": a BroadcastChannel from the worker to every open page, so
 * the popup and timeline refresh without polling. Lost messages are harmless (pages re-read).
 */

const CHANNEL = 'orrery-changes';

let sender: BroadcastChannel | undefined;

/** Tells open pages that stored data changed. */
export function announceChange(): void {
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage({ type: 'changed', at: Date.now() });
}

/** Calls `listener` (debounced) whenever stored data changes; returns the unsubscribe. */
export function onStoredChange(listener: () => void, debounceMs = 250): () => void {
  const ch = new BroadcastChannel(CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  ch.onmessage = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(listener, debounceMs);
  };
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    ch.close();
  };
}
