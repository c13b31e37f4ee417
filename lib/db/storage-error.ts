/**
 * What went wrong when IndexedDB refused a write. A full disk or a spent quota arrives as a
 * `QuotaExceededError` (Chromium and Firefox alike; Chromium leaves its message empty), any
 * other refusal as a `DOMException` named for its cause ("UnknownError", "AbortError"…).
 */

/** A refused write, in the terms the user is shown. */
export interface StorageFailure {
  /** True when storage is full (quota spent or disk full): freeing space fixes it. */
  quota: boolean;
  /** The error's name ("QuotaExceededError", "UnknownError"…). */
  name: string;
  /** The error's own message, possibly empty. */
  message: string;
}

// Some engines report a full disk with a generic name and say so only in the message.
const FULL = /quota|disk is full|disk full|no space left|not enough space/i;

/** Classifies whatever a failed transaction threw. */
export function storageFailure(err: unknown): StorageFailure {
  const name = typeof (err as { name?: unknown })?.name === 'string' && (err as { name: string }).name ? (err as { name: string }).name : 'Error';
  const raw = typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message : typeof err === 'string' ? err : '';
  const message = raw.replace(/\s+/g, ' ').trim();
  return { quota: name === 'QuotaExceededError' || FULL.test(message), name, message };
}

/** "QuotaExceededError" or "UnknownError: Internal error committing transaction.": the detail shown with the status. */
export function storageFailureDetail(f: StorageFailure): string {
  return f.message ? `${f.name}: ${f.message}` : f.name;
}
