/**
 * "Something stored changed": a BroadcastChannel from the worker to every open page, so
 * the popup and timeline refresh without polling. Each message says what changed (see
 * StoredChange) so a page re-reads only what it shows of it. Lost messages are harmless
 * (pages re-read on the next one).
 */
import { createChangeGate, type ChangeGate, type GateTiming } from './change-gate';
import { pageReaders } from './page-readers';
import { ALL_CHANGED, readChange, type StoredChange } from './stored-change';

const CHANNEL = 'orrery-changes';

/**
 * How pages take changes by default: a quarter second to gather a burst, then at most one
 * re-read a second for a reader's actions, and one every 3 s while only polls' changes keep
 * coming (a refresh): a 1 s gap let a timeline left open during a first refresh of 545 feeds
 * spend 4.1 s of CPU re-reading (the refresh 2.16x the bare loop; with 3 s, 2.2 s and 1.73x).
 */
export const PAGE_TIMING: GateTiming = { debounceMs: 250, gapMs: 1000, polledGapMs: 3000 };

let sender: BroadcastChannel | undefined;

/** Tells open pages that stored data changed (everything, unless told what). */
export function announceChange(change: StoredChange = ALL_CHANGED): void {
  sender ??= new BroadcastChannel(CHANNEL);
  sender.postMessage({ type: 'changed', at: Date.now(), change });
}

type Listener = (change: StoredChange) => void | Promise<void>;

/** The listeners of one timing in this page, behind one channel and one gate. */
interface Hub {
  listeners: Set<Listener>;
  gate: ChangeGate;
  channel: BroadcastChannel;
}

const hubs = new Map<GateTiming, Hub>();

/** One listener's call; its failure is its own (it reports its errors), the others still run. */
async function call(listener: Listener, change: StoredChange): Promise<void> {
  try {
    await listener(change);
  } catch {
    // nothing: see above
  }
}

/**
 * Calls `listener` with the merged changes (see createChangeGate); returns the unsubscribe.
 *
 * The listeners of a page that share a timing share one gate: after a change they are all
 * called in the same turn and the next call waits until every one of them is done. A timeline
 * has four (the river, the sidebar's feeds and counts, the rules' hidden count, the storage
 * failures); with a gate each, their re-reads fell at four moments of every 3 s of a refresh,
 * each read of the posts waiting for the worker's write transaction in flight and the next
 * write waiting for it. Together, the reads run side by side in one gap between two writes.
 */
export function onStoredChange(listener: Listener, timing: GateTiming = PAGE_TIMING): () => void {
  let hub = hubs.get(timing);
  if (!hub) {
    const listeners = new Set<Listener>();
    // A page opened meanwhile reads its first screen first (see page-readers.ts).
    const gate = createChangeGate(
      (change) => Promise.all([...listeners].map((l) => call(l, change))).then(() => undefined),
      timing,
      Date.now,
      () => pageReaders()?.clear(),
    );
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent) => gate.push(readChange(e.data));
    hub = { listeners, gate, channel };
    hubs.set(timing, hub);
  }
  const own = hub;
  own.listeners.add(listener);
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size > 0 || hubs.get(timing) !== own) return;
    own.gate.close();
    own.channel.close();
    hubs.delete(timing);
  };
}
