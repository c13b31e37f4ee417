/** Reading the Google Reader API's answers into Orrery's shapes (services differ in details). */
import { decimalItemId, isState, labelName } from './greader-ids';
import { SyncError } from './sync-error';

/** A subscription as the service lists it. */
export interface ServiceSubscription {
  /** The stream id, e.g. `feed/12`. */
  id: string;
  title: string;
  url: string;
  siteUrl?: string;
  /** The first folder (Orrery has one folder per feed), '' for none. */
  folder: string;
}

/** One item from `stream/items/contents`. */
export interface ServiceItem {
  /** Decimal id. */
  id: string;
  /** The feed's stream id. */
  feed: string;
  title: string;
  url?: string;
  author?: string;
  /** Epoch ms. */
  published?: number;
  updated?: number;
  contentHtml?: string;
  enclosures: { url: string; type?: string; length?: number }[];
  read: boolean;
  starred: boolean;
}

/** Parses JSON or says which endpoint answered something else. */
export function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new SyncError('protocol', `${what} was not JSON (${text.slice(0, 60).replace(/\s+/g, ' ')})`);
  }
}

/** The Auth token of a ClientLogin answer: `Auth=…` lines, or JSON (`{"Auth": …}`, Miniflux with output=json). */
export function parseClientLogin(text: string): string | undefined {
  const line = /^Auth=(.+)$/m.exec(text)?.[1]?.trim();
  if (line) return line;
  if (text.trimStart().startsWith('{')) {
    try {
      const auth = (JSON.parse(text) as { Auth?: unknown }).Auth;
      return typeof auth === 'string' && auth ? auth : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

interface RawSubscription {
  id?: unknown;
  title?: unknown;
  url?: unknown;
  htmlUrl?: unknown;
  categories?: { id?: unknown; label?: unknown }[];
}

/** `subscription/list?output=json`. A feed without a `url` (some services) uses its stream id's. */
export function parseSubscriptions(text: string): ServiceSubscription[] {
  const raw = parseJson<{ subscriptions?: RawSubscription[] }>(text, 'subscription/list').subscriptions;
  if (!Array.isArray(raw)) throw new SyncError('protocol', 'subscription/list has no subscriptions');
  const out: ServiceSubscription[] = [];
  for (const s of raw) {
    if (typeof s.id !== 'string') continue;
    const url = typeof s.url === 'string' && s.url ? s.url : s.id.startsWith('feed/') ? s.id.slice(5) : '';
    if (!/^https?:\/\//i.test(url)) continue;
    const cat = (s.categories ?? []).map((c) => (typeof c.label === 'string' ? c.label : typeof c.id === 'string' ? labelName(c.id) : undefined)).find((l) => l);
    out.push({
      id: s.id,
      title: typeof s.title === 'string' ? s.title : url,
      url,
      ...(typeof s.htmlUrl === 'string' && /^https?:\/\//i.test(s.htmlUrl) ? { siteUrl: s.htmlUrl } : {}),
      folder: cat ?? '',
    });
  }
  return out;
}

/** `stream/items/ids`: decimal ids and the continuation, if the page was full. */
export function parseItemIds(text: string): { ids: string[]; continuation?: string } {
  const j = parseJson<{ itemRefs?: { id?: unknown }[]; continuation?: unknown }>(text, 'stream/items/ids');
  const ids = (j.itemRefs ?? []).map((r) => (typeof r.id === 'string' || typeof r.id === 'number' ? decimalItemId(String(r.id)) : '')).filter(Boolean);
  return typeof j.continuation === 'string' && j.continuation ? { ids, continuation: j.continuation } : { ids };
}

interface RawItem {
  id?: unknown;
  title?: unknown;
  author?: unknown;
  published?: unknown;
  updated?: unknown;
  canonical?: { href?: unknown }[];
  alternate?: { href?: unknown }[];
  categories?: unknown[];
  origin?: { streamId?: unknown };
  summary?: { content?: unknown };
  content?: { content?: unknown };
  enclosure?: { href?: unknown; type?: unknown; length?: unknown }[];
}

const seconds = (v: unknown): number | undefined => (typeof v === 'number' && v > 0 ? v * 1000 : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) * 1000 : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** `stream/items/contents` (or `stream/contents`): the items, with their read and starred state. */
export function parseItems(text: string): ServiceItem[] {
  const j = parseJson<{ items?: RawItem[] }>(text, 'stream/items/contents');
  const out: ServiceItem[] = [];
  for (const it of j.items ?? []) {
    const id = str(it.id);
    const feed = str(it.origin?.streamId);
    if (!id || !feed) continue;
    const cats = (it.categories ?? []).filter((c): c is string => typeof c === 'string');
    const url = str(it.canonical?.[0]?.href) ?? str(it.alternate?.[0]?.href);
    const html = str(it.content?.content) ?? str(it.summary?.content);
    const item: ServiceItem = {
      id: decimalItemId(id),
      feed,
      title: str(it.title) ?? '',
      enclosures: (it.enclosure ?? [])
        .filter((e) => typeof e.href === 'string')
        .map((e) => ({ url: e.href as string, ...(str(e.type) ? { type: e.type as string } : {}), ...(Number(e.length) > 0 ? { length: Number(e.length) } : {}) })),
      read: cats.some((c) => isState(c, 'read')),
      starred: cats.some((c) => isState(c, 'starred')),
    };
    if (url) item.url = url;
    const author = str(it.author);
    if (author) item.author = author;
    const published = seconds(it.published);
    if (published) item.published = published;
    const updated = seconds(it.updated);
    if (updated) item.updated = updated;
    if (html) item.contentHtml = html;
    out.push(item);
  }
  return out;
}
