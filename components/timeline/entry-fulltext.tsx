/** "Load full article" on a post, and the article itself read from the store when the post has one. */
import { useEffect, useState } from 'preact/hooks';
import { openOrreryDb } from '../../lib/db/open-db';
import { postKeyId } from '../../lib/db/post-key-id';
import type { StoredPost } from '../../lib/db/types';
import { t } from '../../lib/i18n/t';
import { getArticle } from '../../lib/fulltext/article-store';
import { send } from '../../lib/messaging/protocol';
import { isWebUrl } from '../../lib/util/web-url';

/** Articles read lately, by post key (a post coming back into the window is not read again). */
const cache = new Map<string, string>();
const CACHE_MAX = 100;
const keyText = (p: StoredPost) => postKeyId(p.feedId, p.id);

/**
 * The post's stored article HTML (unsanitized: EntryContent sanitizes it), read only while
 * `wanted` (the content is on screen) and the post has one, or `loaded` says one was just stored.
 */
export function useArticleHtml(post: StoredPost, wanted: boolean, loaded: number): string | undefined {
  const k = keyText(post);
  const has = post.article?.state === 'ok' || loaded > 0;
  const [html, setHtml] = useState<string | undefined>(() => (has ? cache.get(k) : undefined));
  useEffect(() => {
    if (!has || !wanted) return;
    const known = cache.get(k);
    if (known !== undefined) return void setHtml(known);
    let live = true;
    void openOrreryDb()
      .then((db) => getArticle(db, [post.feedId, post.id]))
      .then((a) => {
        if (!a) return; // removed meanwhile (undo of an unsubscribe brings posts back without it): the summary stays
        if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
        cache.set(k, a.html);
        if (live) setHtml(a.html);
      })
      .catch((err: unknown) => console.error('[orrery:fulltext]', err));
    return () => {
      live = false;
    };
  }, [k, has, wanted, post.article?.at, loaded]);
  return has ? html : undefined;
}

/** Props of FulltextButton. */
export interface FulltextButtonProps {
  post: StoredPost;
  /** Called once the article is stored (the entry shows it). */
  onLoaded: () => void;
}

/** The button, its progress and, after a failure, why (the post keeps its summary). */
export function FulltextButton({ post, onLoaded }: FulltextButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  if (post.article?.state === 'ok' || !isWebUrl(post.url)) return null;
  const failure = error ?? (post.article?.state === 'failed' ? post.article.message : undefined);
  const load = async (e: Event) => {
    e.stopPropagation();
    setBusy(true);
    setError(undefined);
    try {
      const r = await send({ type: 'load-article', key: [post.feedId, post.id] });
      if (r.ok) onLoaded();
      else setError(r.message);
    } catch (err) {
      setError(t('timeline_fulltextFailed', { error: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="fulltext-load" data-testid="entry-fulltext" disabled={busy} aria-busy={busy ? 'true' : 'false'} title={t('timeline_fulltextTitle')} onClick={(e) => void load(e)}>
        {busy ? t('timeline_fulltextLoading') : t('timeline_fulltextLoad')}
      </button>
      {failure && !busy && (
        <p class="fulltext-error" role="status" data-testid="entry-fulltext-error">
          {failure} {t('timeline_summaryInstead')}
        </p>
      )}
    </>
  );
}

/** Props of EntryPicture. */
export interface EntryPictureProps {
  src: string;
}

/** A post's picture: lazy, no referrer, a fixed box (nothing moves when it arrives). */
export function EntryPicture({ src }: EntryPictureProps) {
  return <img class="entry-picture" data-testid="entry-picture" src={src} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" width={96} height={64} onError={(e) => (e.currentTarget.style.visibility = 'hidden')} />;
}
