/**
 * The browser's own report of a failed request (webRequest.onErrorOccurred: a certificate
 * error, DNS, refused…), waited for a moment. fetch() rejects with the same bare TypeError
 * for all of them, and the report reaches the worker as a separate event that may come after
 * the rejection: reading it at once named a certificate error "cannot reach".
 */

/** Options of the wait (the defaults suit the worker; tests shorten them). */
export interface WaitOptions {
  timeoutMs?: number;
  stepMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The report for `url` since `since`, or undefined when none came within the wait (2 s). */
export async function waitForNetError(errorFor: (url: string, since: number) => string | undefined, url: string, since: number, opts: WaitOptions = {}): Promise<string | undefined> {
  const timeout = opts.timeoutMs ?? 2000;
  const step = opts.stepMs ?? 50;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let waited = 0; ; waited += step) {
    const found = errorFor(url, since);
    if (found || waited >= timeout) return found;
    await sleep(step);
  }
}
