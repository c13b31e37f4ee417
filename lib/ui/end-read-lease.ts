/**
 * Ends the read lease public/open-early.js took as the page started (see
 * lib/poll/reader-gate.ts): the page has read its first screen, a refresh may commit again.
 */

type LeaseGlobal = { __orreryReadLease?: { id: string; channel: BroadcastChannel } };

/** Tells the worker this page read its first screen (once; nothing when there is no lease). */
export function endReadLease(): void {
  const g = globalThis as LeaseGlobal;
  const lease = g.__orreryReadLease;
  if (!lease) return;
  delete g.__orreryReadLease;
  lease.channel.postMessage({ type: 'read', id: lease.id });
  lease.channel.close();
}
