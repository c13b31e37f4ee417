/**
 * Pages opened during a refresh read the post stores that every commit of the refresh writes,
 * and a read waits for the write transaction before it: with commits one after another, each
 * of a page's reads waited behind one. A page says it is about to read (public/open-early.js,
 * on the READERS_CHANNEL broadcast channel, as it starts parsing) and that it is done (its
 * first screen read, or it went away); meanwhile the commit queue starts no new transaction.
 * A lease lapses by itself, and a hold never lasts past `maxHoldMs`, so pages opened one after
 * another cannot stop a refresh: the queue commits a batch between two holds.
 */

/** The broadcast channel pages announce their reads on (public/open-early.js spells it too). */
export const READERS_CHANNEL = 'orrery-readers';

/** A page's message: about to read (`reading`) or done (`read`), by a lease id of its own. */
export interface ReaderMessage {
  type: 'reading' | 'read';
  id: string;
}

/** How long holds may last. */
export interface ReaderGateTiming {
  /** A lease never ended (a page that hung) lapses after this long. */
  leaseMs: number;
  /** One hold of the commits lasts at most this long, whatever the leases say. */
  maxHoldMs: number;
}

/** Generous for a page's first screen on a busy 2-core machine, short against a refresh. */
export const READER_TIMING: ReaderGateTiming = { leaseMs: 2_000, maxHoldMs: 1_500 };

/** Lets a commit queue wait for the pages that are reading. */
export interface ReaderGate {
  /** Undefined when no page holds a lease (go on at once); else resolves when none does, or when this hold has lasted maxHoldMs. */
  clear(): Promise<void> | undefined;
  /** Takes a page's message (anything else is ignored). */
  take(message: unknown): void;
  /** Calls `listener` whenever a page starts reading; returns the unsubscribe. */
  onReading(listener: () => void): () => void;
}

const isMessage = (m: unknown): m is ReaderMessage =>
  typeof m === 'object' && m !== null && ((m as ReaderMessage).type === 'reading' || (m as ReaderMessage).type === 'read') && typeof (m as ReaderMessage).id === 'string';

/** A gate fed page messages through `take` (the worker wires it to the broadcast channel). */
export function createReaderGate(timing: ReaderGateTiming = READER_TIMING, now: () => number = Date.now): ReaderGate {
  /** Lease id -> when it lapses. */
  const leases = new Map<string, number>();
  const waiters = new Set<() => void>();
  const starts = new Set<() => void>();

  const prune = (t: number) => {
    for (const [id, until] of leases) if (until <= t) leases.delete(id);
  };

  return {
    take(message) {
      if (!isMessage(message)) return;
      if (message.type === 'reading') leases.set(message.id, now() + timing.leaseMs);
      else leases.delete(message.id);
      for (const w of [...waiters]) w();
      if (message.type === 'reading') for (const s of [...starts]) s();
    },
    onReading(listener) {
      starts.add(listener);
      return () => starts.delete(listener);
    },
    clear() {
      const start = now();
      prune(start);
      if (leases.size === 0) return undefined;
      return new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = () => {
          const t = now();
          prune(t);
          const end = start + timing.maxHoldMs;
          if (leases.size === 0 || t >= end) {
            if (timer !== undefined) clearTimeout(timer);
            waiters.delete(check);
            resolve();
            return;
          }
          // Wake when the hold or the first lease runs out, whichever comes first.
          if (timer !== undefined) clearTimeout(timer);
          timer = setTimeout(check, Math.max(1, Math.min(end, ...leases.values()) - t));
        };
        waiters.add(check);
        check();
      });
    },
  };
}

let installed: ReaderGate | undefined;

/** Makes `gate` the one the worker's commit queues wait on (wired once by the background). */
export function installReaderGate(gate: ReaderGate | undefined): void {
  installed = gate;
}

/** The gate the background installed, if any (none in unit tests and outside the worker). */
export function installedReaderGate(): ReaderGate | undefined {
  return installed;
}
