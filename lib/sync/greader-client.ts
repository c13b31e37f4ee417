/**
 * A Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux). Pure:
 * fetch, the clock and persistence are injected. It logs in when it has no Auth token or the
 * service rejects it (401), fetches a write token and refreshes it when a write is rejected,
 * never sends a request before a Retry-After, and turns every failure into a SyncError kind.
 */
import { parseRetryAfter } from '../poll/retry-after';
import { READING_LIST, longItemId } from './greader-ids';
import { parseClientLogin, parseItemIds, parseItems, parseJson, parseSubscriptions, type ServiceItem, type ServiceSubscription } from './greader-parse';
import { networkError, SyncError } from './sync-error';

/** What the user types in the Sync section. */
export interface SyncAccount {
  /** The API address, e.g. https://rss.example.net/api/greader.php. */
  server: string;
  username: string;
  /** The API password (never logged, never synced). */
  password: string;
  /** Inoreader's registered app id and key, sent as AppId/AppKey headers (its preferred way). */
  appId?: string;
  appKey?: string;
}

/** What the client needs from its host. */
export interface GReaderClientDeps {
  fetch: typeof fetch;
  now: () => number;
  account: SyncAccount;
  /** An Auth token from an earlier login, if kept. */
  auth?: string;
  /** Hears each new Auth token, to keep it (storage.local). */
  onAuth?: (auth: string) => void;
  /** A write token from an earlier pass, if kept (FreshRSS's lasts as long as the password). */
  token?: string;
  /** Hears each new write token, to keep it. */
  onToken?: (token: string) => void;
  /** No request before this instant (a Retry-After kept across worker restarts). */
  blockedUntil?: number;
  /** Hears a new Retry-After instant. */
  onBlocked?: (until: number) => void;
  /** What the browser itself said about a failed request to `url` (certificate, DNS…), possibly after a wait. */
  networkCause?: (url: string) => string | undefined | Promise<string | undefined>;
  /** Hears every response (requests and bytes, for the benchmark). */
  onResponse?: (info: { url: string; bytes: number; status: number }) => void;
}

type Form = [string, string][];

/**
 * Ids per `stream/items/ids` page: 10,000, the most Inoreader documents (FreshRSS and Miniflux
 * take more). A 20,000-post unread list is 2 requests, not 20.
 */
export const ID_PAGE = 10_000;

/** The client's calls. */
export interface GReaderClient {
  /** ClientLogin: returns the Auth token. */
  login(): Promise<string>;
  /** The service's name for the user. */
  userName(): Promise<string>;
  subscriptions(): Promise<ServiceSubscription[]>;
  /** Subscribes by feed URL; returns the new stream id, or the service's error. */
  quickAdd(url: string): Promise<{ streamId?: string; error?: string }>;
  /** subscription/edit (ac=subscribe|edit|unsubscribe, s, t title, a add label, r remove label). */
  editSubscription(params: { ac: 'subscribe' | 'edit' | 'unsubscribe'; s: string; t?: string; a?: string; r?: string }): Promise<void>;
  /** One page of stream/items/ids. */
  itemIds(params: { s?: string; xt?: string; it?: string; n?: number; c?: string; ot?: number }): Promise<{ ids: string[]; continuation?: string }>;
  /** Every id of a stream, page after page, up to `max`. */
  allItemIds(params: { s?: string; xt?: string; it?: string; ot?: number }, max: number): Promise<string[]>;
  /** stream/items/contents for these decimal ids (the caller keeps batches modest). */
  itemContents(ids: string[]): Promise<ServiceItem[]>;
  /** edit-tag: add or remove one tag on these items. */
  editTag(ids: string[], change: { add?: string; remove?: string }): Promise<void>;
  /** The Auth token in use. */
  readonly auth: string | undefined;
}

/** The API base: the address as typed, without trailing slashes or a ClientLogin path. */
export function apiBase(server: string): string {
  return server.trim().replace(/\/+$/, '').replace(/\/accounts\/ClientLogin$/i, '').replace(/\/reader\/api\/0$/i, '');
}

/** The address a FreshRSS user probably meant, when they gave the web UI's. */
export function freshRssApiAddress(server: string): string {
  const u = new URL(apiBase(server));
  const path = u.pathname.replace(/\/(i|p|index\.php)(\/.*)?$/i, '').replace(/\/+$/, '');
  return `${u.origin}${path}/api/greader.php`;
}

/** Builds a client for one account. */
export function createGReaderClient(deps: GReaderClientDeps): GReaderClient {
  const base = apiBase(deps.account.server);
  let auth = deps.auth;
  let token: string | undefined = deps.token;
  let blockedUntil = deps.blockedUntil ?? 0;

  const appHeaders = (): Record<string, string> =>
    deps.account.appId && deps.account.appKey ? { AppId: deps.account.appId, AppKey: deps.account.appKey } : {};

  /** One HTTP exchange; throws SyncError for everything but a 2xx or a 401. */
  async function exchange(path: string, init: { method: 'GET' | 'POST'; form?: Form; withAuth: boolean }): Promise<{ status: number; text: string; badToken: boolean }> {
    const now = deps.now();
    if (blockedUntil > now) throw new SyncError('rate-limited', 'waiting for Retry-After', { retryAt: blockedUntil, status: 429 });
    const url = base + path;
    const headers: Record<string, string> = { ...appHeaders() };
    if (init.withAuth && auth) headers.Authorization = `GoogleLogin auth=${auth}`;
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    let res: Response;
    try {
      res = await deps.fetch(url, { method: init.method, headers, body, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
    } catch (err) {
      throw networkError(err, await deps.networkCause?.(url), url);
    }
    const text = await res.text().catch(() => '');
    deps.onResponse?.({ url, bytes: text.length, status: res.status });
    if (res.status === 429 || (res.status === 503 && res.headers.get('Retry-After'))) {
      // A 429 without Retry-After still means "slow down": a minute, then.
      const at = parseRetryAfter(res.headers.get('Retry-After'), deps.now(), res.headers.get('Date')) ?? deps.now() + 60_000;
      blockedUntil = Math.max(at, deps.now());
      deps.onBlocked?.(blockedUntil);
      throw new SyncError('rate-limited', `HTTP ${res.status}`, { status: res.status, retryAt: blockedUntil });
    }
    if (res.status >= 500) throw new SyncError('server', `HTTP ${res.status}`, { status: res.status });
    const badToken = res.headers.get('X-Reader-Google-Bad-Token') === 'true' || res.headers.get('Google-Bad-Token') === 'true';
    if (res.status === 401) return { status: 401, text, badToken };
    if (res.status === 403 && deps.account.appId) throw new SyncError('app-credentials', `HTTP 403`, { status: 403 });
    if (res.status === 404 || res.status === 405) throw notGreader(`HTTP ${res.status} at ${path}`);
    if (res.status >= 400) throw new SyncError('protocol', `HTTP ${res.status} at ${path}: ${text.slice(0, 80).trim()}`, { status: res.status });
    return { status: res.status, text, badToken };
  }

  /** Something answered that is not the API: name the FreshRSS API address for this host. */
  function notGreader(message: string): SyncError {
    const suggestion = /\/api\/greader\.php$/i.test(base) ? undefined : freshRssApiAddress(base);
    return new SyncError('not-greader', message, suggestion ? { suggestion } : {});
  }

  async function login(): Promise<string> {
    token = undefined;
    const r = await exchange('/accounts/ClientLogin', {
      method: 'POST',
      form: [['Email', deps.account.username], ['Passwd', deps.account.password]],
      withAuth: false,
    }).catch((err: unknown) => {
      // BazQux and Google answered bad credentials with 403 Error=BadAuthentication.
      if (err instanceof SyncError && err.kind === 'protocol' && err.status === 403) throw new SyncError('credentials', 'HTTP 403', { status: 403 });
      throw err;
    });
    if (r.status === 401) throw new SyncError('credentials', 'HTTP 401', { status: 401 });
    const found = parseClientLogin(r.text);
    if (!found) {
      if (/BadAuthentication/.test(r.text)) throw new SyncError('credentials', 'BadAuthentication');
      throw notGreader(/<html|<!doctype/i.test(r.text) ? 'a web page answered ClientLogin' : 'no Auth token in the ClientLogin answer');
    }
    auth = found;
    deps.onAuth?.(found);
    return found;
  }

  async function fetchToken(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const r = await exchange('/reader/api/0/token', { method: 'GET', withAuth: true });
      if (r.status !== 401) {
        token = r.text.trim();
        deps.onToken?.(token);
        return token;
      }
      if (attempt > 0) throw new SyncError('credentials', 'the service keeps refusing the Auth token');
      await login();
    }
  }

  /**
   * An authenticated call. A 401 on a read means the Auth token expired: log in again, once.
   * A 401 on a write may be a stale write token: fetch a new one first, then log in again.
   */
  async function call(path: string, opts: { method?: 'GET' | 'POST'; form?: Form; write?: boolean } = {}): Promise<string> {
    if (!auth) await login();
    const steps = opts.write ? ['token', 'login'] : ['login'];
    for (let attempt = 0; ; attempt++) {
      if (opts.write && !token) await fetchToken();
      const form = opts.form ? (opts.write ? [['T', token ?? ''] as [string, string], ...opts.form] : opts.form) : undefined;
      const r = await exchange(path, { method: opts.method ?? 'GET', ...(form ? { form } : {}), withAuth: true });
      if (r.status !== 401) return r.text;
      const step = steps[attempt];
      if (step === undefined) throw new SyncError('credentials', 'the service refused the request after a new login', { status: 401 });
      if (step === 'token' && !r.badToken) token = undefined;
      else await login();
    }
  }

  async function itemIds(p: { s?: string; xt?: string; it?: string; n?: number; c?: string; ot?: number }) {
    const q = new URLSearchParams({ s: p.s ?? READING_LIST, n: String(p.n ?? 1000) });
    if (p.xt) q.set('xt', p.xt);
    if (p.it) q.set('it', p.it);
    if (p.c) q.set('c', p.c);
    if (p.ot !== undefined) q.set('ot', String(p.ot));
    return parseItemIds(await call(`/reader/api/0/stream/items/ids?${q}`));
  }

  return {
    get auth() {
      return auth;
    },
    login,
    async userName() {
      const j = parseJson<{ userName?: string; userEmail?: string }>(await call('/reader/api/0/user-info?output=json'), 'user-info');
      return j.userName || j.userEmail || deps.account.username;
    },
    async subscriptions() {
      return parseSubscriptions(await call('/reader/api/0/subscription/list?output=json'));
    },
    async quickAdd(url) {
      const text = await call('/reader/api/0/subscription/quickadd', { method: 'POST', form: [['quickadd', url]], write: true });
      const j = parseJson<{ streamId?: string; error?: string; numResults?: number }>(text, 'subscription/quickadd');
      if (j.streamId) return { streamId: j.streamId };
      return { error: j.error ?? 'the service could not add this feed' };
    },
    async editSubscription(p) {
      const form: Form = [['ac', p.ac], ['s', p.s]];
      if (p.t !== undefined) form.push(['t', p.t]);
      if (p.a) form.push(['a', p.a]);
      if (p.r) form.push(['r', p.r]);
      await call('/reader/api/0/subscription/edit', { method: 'POST', form, write: true });
    },
    itemIds,
    async allItemIds(p, max) {
      const out: string[] = [];
      let c: string | undefined;
      do {
        const page = await itemIds({ ...p, n: Math.min(ID_PAGE, max - out.length), ...(c ? { c } : {}) });
        out.push(...page.ids);
        c = page.ids.length ? page.continuation : undefined;
      } while (c && out.length < max);
      return out;
    },
    async itemContents(ids) {
      if (ids.length === 0) return [];
      return parseItems(await call('/reader/api/0/stream/items/contents?output=json', { method: 'POST', form: ids.map((id) => ['i', longItemId(id)]) }));
    },
    async editTag(ids, change) {
      if (ids.length === 0) return;
      const form: Form = ids.map((id) => ['i', longItemId(id)]);
      if (change.add) form.push(['a', change.add]);
      if (change.remove) form.push(['r', change.remove]);
      await call('/reader/api/0/edit-tag', { method: 'POST', form, write: true });
    },
  };
}
