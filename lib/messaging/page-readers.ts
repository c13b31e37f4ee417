/**
 * Other extension pages reading their first screen, as this page hears them. Every Orrery page
 * runs on one main thread (one extension process): a page left open that re-renders during a
 * refresh delays the script of a page just opened. Its re-reads wait while a lease is held
 * (public/open-early.js takes it, lib/ui/end-read-lease.ts ends it), as the worker's do.
 */
import { createReaderGate, READERS_CHANNEL, type ReaderGate } from '../poll/reader-gate';

let gate: ReaderGate | undefined;

/** This page's view of the read leases (created on first use; undefined without BroadcastChannel). */
export function pageReaders(): ReaderGate | undefined {
  if (gate) return gate;
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const readers = createReaderGate();
  new BroadcastChannel(READERS_CHANNEL).onmessage = (e: MessageEvent) => readers.take(e.data);
  gate = readers;
  return gate;
}
