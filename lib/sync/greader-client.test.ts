import { describe, expect, it } from 'vitest';
import { createGReaderClient, freshRssApiAddress, type SyncAccount } from './greader-client';
import { decimalItemId, longItemId } from './greader-ids';
import { parseItems, parseSubscriptions } from './greader-parse';
import { SyncError } from './sync-error';
import { describeSyncError } from './describe-sync-error';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  form: URLSearchParams;
}

type Route = (req: Seen) => Response | Promise<Response>;

/** A scripted service: each call takes the next answer for its path (or the path's default). */
function fakeService(routes: Record<string, Route | Route[]>) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const req: Seen = {
      url,
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      form: new URLSearchParams(init?.body instanceof URLSearchParams ? init.body : undefined),
    };
    seen.push(req);
    const path = new URL(url).pathname.replace(/^.*?(\/accounts|\/reader)/, '$1');
    const r = routes[path];
    if (!r) return new Response('not found', { status: 404 });
    const route = Array.isArray(r) ? (r.length > 1 ? r.shift()! : r[0]!) : r;
    return route(req);
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const account: SyncAccount = { server: 'https://rss.example/api/greader.php', username: 'ann', password: 'api-pass' };
const ok = (body: string, init: ResponseInit = {}) => () => new Response(body, { status: 200, ...init });
const login = ok('SID=x\nLSID=null\nAuth=ann/abc\n');

describe('GReader client: authentication', () => {
  it('logs in with ClientLogin and sends the Auth token on later calls', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': login, '/reader/api/0/user-info': ok('{"userName":"ann"}') });
    let saved = '';
    const c = createGReaderClient({ fetch: svc.fetch, now: () => 0, account, onAuth: (a) => (saved = a) });
    expect(await c.userName()).toBe('ann');
    expect(svc.seen[0]!.form.get('Email')).toBe('ann');
    expect(svc.seen[0]!.form.get('Passwd')).toBe('api-pass');
    expect(svc.seen[1]!.headers.Authorization).toBe('GoogleLogin auth=ann/abc');
    expect(saved).toBe('ann/abc');
  });

  it('says "wrong credentials" for a 401 at ClientLogin', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': () => new Response('Unauthorized!', { status: 401 }) });
    const err = await createGReaderClient({ fetch: svc.fetch, now: () => 0, account }).login().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('credentials');
    expect(describeSyncError(err as SyncError, 'rss.example')).toMatch(/Wrong username or API password/);
  });

  it('logs in again when the Auth token expired (401) and retries the call once', async () => {
    const svc = fakeService({
      '/accounts/ClientLogin': ok('Auth=ann/new\n'),
      '/reader/api/0/subscription/list': [() => new Response('', { status: 401, headers: { 'Google-Bad-Token': 'true' } }), ok('{"subscriptions":[]}')],
    });
    const c = createGReaderClient({ fetch: svc.fetch, now: () => 0, account, auth: 'ann/old' });
    expect(await c.subscriptions()).toEqual([]);
    expect(svc.seen.map((s) => new URL(s.url).pathname.split('/').pop())).toEqual(['list', 'ClientLogin', 'list']);
    expect(svc.seen[2]!.headers.Authorization).toBe('GoogleLogin auth=ann/new');
  });

  it('fetches a new write token when a write is rejected, without logging in again', async () => {
    const svc = fakeService({
      '/accounts/ClientLogin': login,
      '/reader/api/0/token': [ok('old-token\n'), ok('new-token\n')],
      '/reader/api/0/edit-tag': [() => new Response('Unauthorized!', { status: 401 }), ok('OK')],
    });
    const c = createGReaderClient({ fetch: svc.fetch, now: () => 0, account });
    await c.editTag(['1'], { add: 'user/-/state/com.google/read' });
    const tags = svc.seen.filter((s) => s.url.endsWith('/edit-tag'));
    expect(tags.map((s) => s.form.get('T'))).toEqual(['old-token', 'new-token']);
    expect(svc.seen.filter((s) => s.url.endsWith('/ClientLogin'))).toHaveLength(1);
  });

  it('gives up with "credentials" when the service keeps refusing after a new login', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': login, '/reader/api/0/subscription/list': () => new Response('', { status: 401 }) });
    const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 0, account }).subscriptions().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('credentials');
    expect(svc.seen.filter((s) => s.url.endsWith('/ClientLogin'))).toHaveLength(2);
  });
});

describe('GReader client: failures get their own kind', () => {
  it('names the web UI address as "not a Google Reader API" and says which address to use', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': ok('<!DOCTYPE html><html><title>FreshRSS</title></html>', { headers: { 'Content-Type': 'text/html' } }) });
    const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 0, account: { ...account, server: 'https://rss.example/i/' } }).login().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('not-greader');
    expect(err.suggestion).toBe('https://rss.example/api/greader.php');
    expect(describeSyncError(err, 'https://rss.example/i/')).toMatch(/Use https:\/\/rss\.example\/api\/greader\.php/);
  });

  it('treats a 404 at ClientLogin as not an API endpoint', async () => {
    const svc = fakeService({});
    const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 0, account: { ...account, server: 'https://rss.example' } }).login().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('not-greader');
  });

  it('tells an unreachable service from a certificate error (the browser says which)', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const unreachable = (await createGReaderClient({ fetch: failing, now: () => 0, account, networkCause: () => 'net::ERR_CONNECTION_REFUSED' }).login().catch((e: unknown) => e)) as SyncError;
    expect(unreachable.kind).toBe('unreachable');
    const tls = (await createGReaderClient({ fetch: failing, now: () => 0, account, networkCause: () => 'net::ERR_CERT_DATE_INVALID' }).login().catch((e: unknown) => e)) as SyncError;
    expect(tls.kind).toBe('tls');
    const node = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    }) as typeof fetch;
    expect(((await createGReaderClient({ fetch: node, now: () => 0, account }).login().catch((e: unknown) => e)) as SyncError).kind).toBe('tls');
  });

  it('honours Retry-After on 429 and 503: no request at all before it', async () => {
    for (const status of [429, 503]) {
      let now = 1_000_000;
      let blocked = 0;
      const svc = fakeService({ '/accounts/ClientLogin': [() => new Response('', { status, headers: { 'Retry-After': '120' } }), login] });
      const c = createGReaderClient({ fetch: svc.fetch, now: () => now, account, onBlocked: (t) => (blocked = t) });
      const first = (await c.login().catch((e: unknown) => e)) as SyncError;
      expect(first.kind).toBe('rate-limited');
      expect(first.retryAt).toBe(now + 120_000);
      expect(blocked).toBe(now + 120_000);
      now += 119_000;
      expect(((await c.login().catch((e: unknown) => e)) as SyncError).kind).toBe('rate-limited');
      expect(svc.seen).toHaveLength(1);
      now += 1_000;
      expect(await c.login()).toBe('ann/abc');
      expect(svc.seen).toHaveLength(2);
    }
  });

  it('keeps a Retry-After across restarts (blockedUntil)', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': login });
    const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 10, account, blockedUntil: 20 }).login().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('rate-limited');
    expect(svc.seen).toHaveLength(0);
  });

  it('calls another 5xx a server error (and a 503 without Retry-After too)', async () => {
    for (const status of [500, 502, 503]) {
      const svc = fakeService({ '/accounts/ClientLogin': () => new Response('', { status }) });
      const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 0, account }).login().catch((e: unknown) => e)) as SyncError;
      expect(err.kind).toBe('server');
      expect(err.status).toBe(status);
    }
  });
});

describe('GReader client: service quirks', () => {
  it('Inoreader: sends AppId and AppKey headers on every request, and names a 403 as refused app credentials', async () => {
    const ino = { server: 'https://www.inoreader.com', username: 'ann@example.net', password: 'pw', appId: '1000001414', appKey: 'secret-key' };
    const svc = fakeService({ '/accounts/ClientLogin': ok('SID=null\nLSID=null\nAuth=G2UlCa\n'), '/reader/api/0/subscription/list': ok('{"subscriptions":[]}') });
    await createGReaderClient({ fetch: svc.fetch, now: () => 0, account: ino }).subscriptions();
    expect(svc.seen).toHaveLength(2);
    for (const s of svc.seen) expect(s.headers).toMatchObject({ AppId: '1000001414', AppKey: 'secret-key' });
    expect(svc.seen[0]!.url).toBe('https://www.inoreader.com/accounts/ClientLogin');
    const refused = fakeService({ '/accounts/ClientLogin': () => new Response('', { status: 403 }) });
    const err = (await createGReaderClient({ fetch: refused.fetch, now: () => 0, account: ino }).login().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('app-credentials');
  });

  it('Inoreader: a 429 (zone limit) without Retry-After still waits', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': () => new Response('', { status: 429 }) });
    const err = (await createGReaderClient({ fetch: svc.fetch, now: () => 5, account }).login().catch((e: unknown) => e)) as SyncError;
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAt).toBe(60_005);
  });

  it('BazQux/Google: 403 Error=BadAuthentication is wrong credentials', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': () => new Response('Error=BadAuthentication\n', { status: 403 }) });
    expect(((await createGReaderClient({ fetch: svc.fetch, now: () => 0, account }).login().catch((e: unknown) => e)) as SyncError).kind).toBe('credentials');
  });

  it('Miniflux: reads a JSON ClientLogin answer, and states and labels spelled with the user number', async () => {
    const svc = fakeService({ '/accounts/ClientLogin': ok('{"SID":"ann/x","LSID":"ann/x","Auth":"ann/json"}') });
    expect(await createGReaderClient({ fetch: svc.fetch, now: () => 0, account: { ...account, server: 'https://miniflux.example/' } }).login()).toBe('ann/json');
    expect(svc.seen[0]!.url).toBe('https://miniflux.example/accounts/ClientLogin');
    const subs = parseSubscriptions(JSON.stringify({ subscriptions: [{ id: 'feed/3', title: 'Blog', url: 'https://blog.example/feed', htmlUrl: 'https://blog.example/', categories: [{ id: 'user/1/label/All', label: 'All' }] }] }));
    expect(subs).toEqual([{ id: 'feed/3', title: 'Blog', url: 'https://blog.example/feed', siteUrl: 'https://blog.example/', folder: 'All' }]);
    const items = parseItems(JSON.stringify({ items: [{ id: longItemId('42'), title: 'T', published: 1704276000, origin: { streamId: 'feed/3' }, categories: ['user/1/state/com.google/reading-list', 'user/1/state/com.google/read', 'user/1/state/com.google/starred'], summary: { content: '<p>x</p>' }, alternate: [{ href: 'https://blog.example/t' }] }] }));
    expect(items[0]).toMatchObject({ id: '42', feed: 'feed/3', read: true, starred: true, url: 'https://blog.example/t', published: 1704276000000, contentHtml: '<p>x</p>' });
  });

  it('Miniflux has no stream/contents: posts come through items/ids and items/contents, ids in the long form', async () => {
    const svc = fakeService({
      '/accounts/ClientLogin': login,
      '/reader/api/0/stream/items/ids': [ok('{"itemRefs":[{"id":"1"},{"id":"2"}],"continuation":"c2"}'), ok('{"itemRefs":[{"id":"3"}]}')],
      '/reader/api/0/stream/items/contents': ok('{"items":[]}'),
    });
    const c = createGReaderClient({ fetch: svc.fetch, now: () => 0, account });
    expect(await c.allItemIds({ ot: 100 }, 10)).toEqual(['1', '2', '3']);
    const idCalls = svc.seen.filter((s) => s.url.includes('/items/ids'));
    expect(new URL(idCalls[1]!.url).searchParams.get('c')).toBe('c2');
    expect(new URL(idCalls[0]!.url).searchParams.get('ot')).toBe('100');
    await c.itemContents(['3']);
    expect(svc.seen.at(-1)!.form.getAll('i')).toEqual(['tag:google.com,2005:reader/item/0000000000000003']);
    expect(svc.seen.some((s) => s.url.includes('/stream/contents'))).toBe(false);
  });

  it('FreshRSS: quickadd takes its URL in the quickadd parameter and reports an unfetchable feed', async () => {
    const svc = fakeService({
      '/accounts/ClientLogin': login,
      '/reader/api/0/token': ok('tok\n'),
      '/reader/api/0/subscription/quickadd': [ok('{"numResults":1,"streamId":"feed/7"}'), ok('{"numResults":0,"error":"Unknown error for feed"}')],
    });
    const c = createGReaderClient({ fetch: svc.fetch, now: () => 0, account });
    expect(await c.quickAdd('http://a.example/feed.xml')).toEqual({ streamId: 'feed/7' });
    expect(svc.seen.at(-1)!.form.get('quickadd')).toBe('http://a.example/feed.xml');
    expect(await c.quickAdd('http://b.example/feed.xml')).toEqual({ error: 'Unknown error for feed' });
  });

  it('converts item ids between the decimal and long forms, beyond 2^53', () => {
    expect(longItemId('1796132425602359')).toBe('tag:google.com,2005:reader/item/00066192ab329537');
    expect(decimalItemId('tag:google.com,2005:reader/item/00066192ab329537')).toBe('1796132425602359');
    expect(decimalItemId(longItemId('18446744073709551615'))).toBe('18446744073709551615');
    expect(longItemId('-1')).toBe('tag:google.com,2005:reader/item/ffffffffffffffff');
  });

  it('proposes the FreshRSS API address for its web UI address', () => {
    expect(freshRssApiAddress('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/api/greader.php');
    expect(freshRssApiAddress('https://example.net/freshrss/i/?c=index')).toBe('https://example.net/freshrss/api/greader.php');
  });
});
