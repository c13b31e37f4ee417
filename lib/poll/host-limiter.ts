/** Concurrency limits for polling: one request at a time per host, a few overall. */
export interface HostLimiterOptions {
  /** Tasks in flight per host (hostname plus port). Usually 1. */
  perHost: number;
  /** Tasks in flight overall. */
  global: number;
}

/** Runs tasks under the limits of {@link createHostLimiter}. */
export interface HostLimiter {
  /** Runs `task` once its host and the global limit allow; settles as the task does. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** Tasks in flight now. */
  active(): number;
  /** Tasks waiting for a slot. */
  queued(): number;
}

interface Waiting {
  host: string;
  start: () => void;
}

/**
 * Creates a limiter that keeps at most `perHost` tasks in flight per host and `global` overall.
 * A free slot goes to the oldest waiting task whose host is free, so a host with 200 queued
 * feeds (a blog platform, a podcast CDN) cannot starve the others, while order is otherwise FIFO.
 */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const perHost = checkLimit('perHost', options.perHost);
  const global = checkLimit('global', options.global);
  const waiting: Waiting[] = [];
  const inFlight = new Map<string, number>();
  let active = 0;

  const pump = (): void => {
    while (active < global) {
      const i = waiting.findIndex((w) => (inFlight.get(w.host) ?? 0) < perHost);
      if (i < 0) return;
      const [next] = waiting.splice(i, 1);
      next?.start();
    }
  };

  const run = <T>(url: string, task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const host = hostKey(url);
      const release = (): void => {
        active--;
        const left = (inFlight.get(host) ?? 1) - 1;
        if (left > 0) inFlight.set(host, left);
        else inFlight.delete(host);
        pump();
      };
      const start = (): void => {
        active++;
        inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
        let promise: Promise<T>;
        try {
          promise = Promise.resolve(task());
        } catch (err) {
          // A task that throws before returning its promise must still free its slot.
          promise = Promise.reject(err);
        }
        // Release before settling, so the caller already sees the slot free.
        promise.then(
          (value) => {
            release();
            resolve(value);
          },
          (err: unknown) => {
            release();
            reject(err);
          },
        );
      };
      waiting.push({ host, start });
      pump();
    });

  return { run, active: () => active, queued: () => waiting.length };
}

/**
 * The host a URL's request goes to: lowercased hostname plus any non-default port, since
 * example.com:8080 is usually another server. An unparseable URL is its own "host"; its fetch
 * will fail on its own, the limiter need not.
 */
function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

function checkLimit(name: string, value: number): number {
  // Infinity is allowed (no limit); 0, negatives, fractions and NaN would stall every task.
  if (!(value >= 1) || (Number.isFinite(value) && !Number.isInteger(value))) {
    throw new RangeError(`poll/host-limiter: ${name} must be a whole number >= 1, got ${value}`);
  }
  return value;
}
