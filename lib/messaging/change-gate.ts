/**
 * How an open page takes change broadcasts: merged, the first one after `debounceMs`, then at
 * most one call every `gapMs` after the previous call ended (a refresh of 545 feeds broadcasts
 * several times a second, and each page re-read competes with the worker for IndexedDB and the
 * CPU). The last change is always delivered: nothing pushed is dropped, only merged. A
 * `hold` (another page reading its first screen) makes a due call wait until it is over;
 * changes arriving meanwhile join it.
 */
import { mergeChanges, type StoredChange } from './stored-change';

/** Timing of a gate. */
export interface GateTiming {
  /** Wait after the first change of a quiet period (lets a burst gather). */
  debounceMs: number;
  /** Least time between the end of one call and the start of the next. */
  gapMs: number;
  /** The same, when the changes waiting are only polls' (a refresh's burst); default gapMs. */
  polledGapMs?: number;
}

/** A gate: push changes in, close it when the page goes. */
export interface ChangeGate {
  push(change: StoredChange): void;
  close(): void;
}

/** Creates a gate calling `listener` with the merged changes; a returned promise holds the next call back until it settles. */
export function createChangeGate(
  listener: (change: StoredChange) => void | Promise<void>,
  timing: GateTiming,
  now: () => number = Date.now,
  hold: () => Promise<void> | undefined = () => undefined,
): ChangeGate {
  let pending: StoredChange | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let closed = false;
  let lastEnd = -Infinity;

  const schedule = () => {
    if (closed || timer !== undefined || running || !pending) return;
    const gap = pending.all ? timing.gapMs : (timing.polledGapMs ?? timing.gapMs);
    const wait = Math.max(timing.debounceMs, lastEnd + gap - now());
    timer = setTimeout(() => void fire(), wait);
  };
  const fire = async () => {
    timer = undefined;
    if (!pending || closed) return;
    running = true;
    try {
      const held = hold();
      if (held) await held;
      const change = pending;
      pending = undefined;
      if (!change || closed) return;
      await listener(change);
    } catch {
      // The listener reports its own errors; the gate keeps going.
    } finally {
      running = false;
      lastEnd = now();
      schedule();
    }
  };
  return {
    push(change) {
      pending = mergeChanges(pending, change);
      schedule();
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
