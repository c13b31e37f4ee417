/**
 * Why a transaction failed. When IndexedDB refuses a commit (quota spent, disk full) every
 * request still pending rejects with a bare "AbortError", and `Promise.all` over them rejects
 * with whichever came first: the transaction's own verdict (`done`, which carries
 * `transaction.error`, e.g. QuotaExceededError) names the cause the reader must be told.
 */

/** The error `tx.done` rejects with, or `err` when the transaction did not fail (or says no more than "AbortError"). */
export async function transactionCause(tx: { done: Promise<void> }, err: unknown): Promise<unknown> {
  const verdict = await tx.done.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (verdict === undefined) return err;
  const name = (verdict as { name?: unknown }).name;
  return name === 'AbortError' && err !== undefined ? err : verdict;
}
