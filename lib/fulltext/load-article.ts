/**
 * Loading a post's full article in the worker: fetch its page politely, extract the article
 * where a DOM is (see Extractor), store it beside the post. A failure is stored on the post
 * with its reason; the post keeps its summary either way.
 */
import { t, tn } from '../i18n/t';
import type { Db } from '../db/open-db';
import { webUrlOrUndefined } from '../util/web-url';
import { getArticle, getPost, saveArticle, saveArticleFailure, type PostKey } from './article-store';
import type { ExtractResult } from './extract-article';
import { fetchArticlePage } from './fetch-article-page';
import type { HostBackoff } from './host-backoff';

/** Extracts the article of a page's HTML somewhere with a DOM. */
export type Extractor = (html: string, url: string) => Promise<ExtractResult>;

/** What loading an article needs. */
export interface ArticleDeps {
  db: () => Promise<Db>;
  /** The worker's polite fetch. */
  fetch: typeof fetch;
  now: () => number;
  extract: Extractor;
  backoff: HostBackoff;
  /** Called after a post's article (or failure) was stored: pages re-read that feed. */
  onStored: (feedId: string) => void;
  /** Extraction time limit (default 20 s). */
  extractTimeoutMs?: number;
}

/** The outcome the page shows. */
export type LoadReply = { ok: true } | { ok: false; message: string };

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => resolve(onTimeout()), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (err: unknown) => {
        clearTimeout(t);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** Fetches, extracts and stores the article of one post. Never throws. */
export async function loadArticle(deps: ArticleDeps, key: PostKey): Promise<LoadReply> {
  const db = await deps.db();
  const fail = async (why: string): Promise<LoadReply> => {
    const message = t('fulltext_failed', { why });
    await saveArticleFailure(db, key, message, deps.now());
    deps.onStored(key[0]);
    return { ok: false, message };
  };
  try {
    const post = await getPost(db, key);
    if (!post) return { ok: false, message: t('fulltext_postGone') };
    if (await getArticle(db, key)) return { ok: true };
    const url = webUrlOrUndefined(post.url);
    if (!url) return await fail(t('fulltext_noAddress'));
    const page = await fetchArticlePage(url, { fetch: deps.fetch, backoff: deps.backoff, now: deps.now });
    if (!page.ok) return await fail(page.message);
    const ms = deps.extractTimeoutMs ?? 20_000;
    const result = await withTimeout(deps.extract(page.html, page.url), ms, (): ExtractResult => ({
      ok: false,
      reason: 'not-an-article',
      message: tn('fulltext_slowReading', Math.round(ms / 1000)),
    }));
    if (!result.ok) return await fail(result.message);
    const stored = await saveArticle(db, key, { url: page.url, html: result.html, text: result.text }, deps.now());
    if (!stored) return { ok: false, message: t('fulltext_postGone') };
    deps.onStored(key[0]);
    return { ok: true };
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err)).catch(() => ({ ok: false, message: t('fulltext_failed', { why: String(err) }) }));
  }
}
