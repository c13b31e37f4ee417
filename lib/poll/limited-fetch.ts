/**
 * A `fetch` that takes a slot of a host limiter for the whole life of a request: from
 * sending it to the end (or cancel) of its body. Every request the worker makes (polls,
 * previews, probes, Planet syncs) goes through one, so no host ever sees two at a time.
 */
import type { HostLimiter } from './host-limiter';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** Wraps `fetchFn` so each request holds `limiter`'s slot for its host until its body is done. */
export function limitedFetch(fetchFn: typeof fetch, limiter: HostLimiter, holdLimitMs = 120_000): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      void limiter.run(
        url,
        () =>
          new Promise<void>((release) => {
            // A caller that never reads the body must not hold the host forever.
            const guard = setTimeout(release, holdLimitMs);
            const done = () => {
              clearTimeout(guard);
              release();
            };
            fetchFn(input, init).then(
              (res) => {
                if (!res.body || NULL_BODY.has(res.status)) {
                  done();
                  resolve(res);
                  return;
                }
                const reader = res.body.getReader();
                const body = new ReadableStream<Uint8Array>({
                  async pull(controller) {
                    try {
                      const { done: end, value } = await reader.read();
                      if (end) {
                        controller.close();
                        done();
                      } else controller.enqueue(value);
                    } catch (err) {
                      controller.error(err);
                      done();
                    }
                  },
                  cancel(reason) {
                    done();
                    return reader.cancel(reason);
                  },
                });
                const wrapped = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
                Object.defineProperty(wrapped, 'url', { value: res.url });
                Object.defineProperty(wrapped, 'redirected', { value: res.redirected });
                resolve(wrapped);
              },
              (err: unknown) => {
                done();
                reject(err);
              },
            );
          }),
      );
    });
}
