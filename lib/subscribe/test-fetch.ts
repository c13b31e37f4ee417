/** A scripted web for the subscribing unit tests: URL -> response, with a log of requests. */

/** One scripted answer. */
export interface Scripted {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
}

/** A fetch that answers from `routes` (404 for anything else) and logs each URL asked. */
export function scriptedFetch(routes: Record<string, Scripted | ((init?: RequestInit) => Scripted)>): { fetch: typeof fetch; log: string[] } {
  const log: string[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    log.push(url);
    const route = Object.hasOwn(routes, url) ? routes[url] : undefined;
    const r = typeof route === 'function' ? route(init) : route;
    if (!r) return new Response('not found', { status: 404 });
    const status = r.status ?? 200;
    return new Response(status === 304 ? null : (r.body ?? ''), { status, headers: { 'content-type': r.type ?? 'application/rss+xml', ...r.headers } });
  }) as typeof fetch;
  return { fetch: fetchFn, log };
}

/** A small RSS document. */
export function rss(title: string, n = 2): string {
  const items = Array.from({ length: n }, (_, i) => `<item><title>${title} ${i + 1}</title><link>https://x.example/${i}</link><guid>${title}-${i}</guid><pubDate>${new Date(Date.UTC(2026, 4, 20 - i)).toUTCString()}</pubDate><description>Hi.</description></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://x.example/</link>${items}</channel></rss>`;
}
