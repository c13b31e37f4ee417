/**
 * An in-memory Google Reader API service for tests: subscriptions, items with read and
 * starred, `stream/items/ids` with s/xt/it/ot/n/c as FreshRSS answers them, contents, edit-tag.
 * It counts requests by path, so tests can say what a pass costs.
 */
import { decimalItemId, isState } from './greader-ids';

/** One item on the fake service. */
export interface FakeItem {
  id: string;
  feed: string;
  /** Crawl time, seconds. */
  crawled: number;
  read: boolean;
  starred: boolean;
}

/** The fake service's state and its request log. */
export interface FakeGReader {
  fetch: typeof fetch;
  subs: { id: string; url: string; title: string; folder: string }[];
  items: FakeItem[];
  requests: string[];
}

const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200 });

/** A fake service at https://fake.example/api/greader.php. */
export function fakeGReader(): FakeGReader {
  const svc: FakeGReader = { subs: [], items: [], requests: [], fetch: undefined as unknown as typeof fetch };
  const stream = (q: URLSearchParams) => {
    const s = q.get('s') ?? 'user/-/state/com.google/reading-list';
    let list = svc.items;
    if (isState(s, 'starred')) list = list.filter((i) => i.starred);
    else if (s.startsWith('feed/')) list = list.filter((i) => i.feed === s);
    if (q.get('xt') && isState(q.get('xt')!, 'read')) list = list.filter((i) => !i.read);
    if (q.get('it') && isState(q.get('it')!, 'read')) list = list.filter((i) => i.read);
    const ot = Number(q.get('ot') ?? 0);
    if (ot) list = list.filter((i) => i.crawled > ot);
    return [...list].sort((x, y) => y.crawled - x.crawled || Number(BigInt(y.id) - BigInt(x.id)));
  };
  svc.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^.*?(\/accounts|\/reader)/, '$1');
    svc.requests.push(path);
    const form = new URLSearchParams(init?.body instanceof URLSearchParams ? init.body : undefined);
    switch (path) {
      case '/accounts/ClientLogin':
        return new Response('SID=x\nLSID=null\nAuth=u/abc\n', { status: 200 });
      case '/reader/api/0/token':
        return new Response('tok\n', { status: 200 });
      case '/reader/api/0/user-info':
        return json({ userName: 'u' });
      case '/reader/api/0/subscription/list':
        return json({ subscriptions: svc.subs.map((s) => ({ id: s.id, title: s.title, url: s.url, categories: s.folder ? [{ id: `user/-/label/${s.folder}`, label: s.folder }] : [] })) });
      case '/reader/api/0/stream/items/ids': {
        const all = stream(url.searchParams);
        const n = Number(url.searchParams.get('n') ?? 20);
        const from = Number(url.searchParams.get('c') ?? 0);
        const page = all.slice(from, from + n);
        return json({ itemRefs: page.map((i) => ({ id: i.id })), ...(from + n < all.length ? { continuation: String(from + n) } : {}) });
      }
      case '/reader/api/0/stream/items/contents': {
        const ids = new Set(form.getAll('i').map(decimalItemId));
        const items = svc.items.filter((i) => ids.has(i.id));
        return json({
          items: items.map((i) => ({
            id: `tag:google.com,2005:reader/item/${BigInt(i.id).toString(16).padStart(16, '0')}`,
            title: `Item ${i.id}`,
            published: i.crawled,
            canonical: [{ href: `http://${i.feed.slice(5)}.example/${i.id}` }],
            categories: ['user/-/state/com.google/reading-list', ...(i.read ? ['user/-/state/com.google/read'] : []), ...(i.starred ? ['user/-/state/com.google/starred'] : [])],
            origin: { streamId: i.feed },
            summary: { content: '<p>body</p>' },
          })),
        });
      }
      case '/reader/api/0/edit-tag': {
        const ids = new Set(form.getAll('i').map(decimalItemId));
        const set = (tag: string | null, on: boolean) => {
          if (!tag) return;
          for (const i of svc.items) {
            if (!ids.has(i.id)) continue;
            if (isState(tag, 'read')) i.read = on;
            if (isState(tag, 'starred')) i.starred = on;
          }
        };
        set(form.get('a'), true);
        set(form.get('r'), false);
        return new Response('OK', { status: 200 });
      }
      default:
        return new Response('OK', { status: 200 });
    }
  }) as typeof fetch;
  return svc;
}
