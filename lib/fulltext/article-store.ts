/** Full articles in IndexedDB: the article record and its post's small mark, written together. */
import type { Db } from '../db/open-db';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredArticle, StoredFeed, StoredPost } from '../db/types';

/** A post's key: [feedId, id]. */
export type PostKey = [string, string];

/** What extraction gives to be stored. */
export interface ArticleContent {
  url: string;
  html: string;
  text: string;
}

/** Reads one stored post. */
export async function getPost(db: Db, key: PostKey): Promise<StoredPost | undefined> {
  return db.get('posts', key);
}

/** Reads a post's stored article. */
export async function getArticle(db: Db, key: PostKey): Promise<StoredArticle | undefined> {
  return db.get('articles', key);
}

/**
 * Stores an extracted article and marks its post, in one transaction. False when the post
 * was removed meanwhile (retention, unsubscribing): the article is not kept without it.
 */
export async function saveArticle(db: Db, key: PostKey, content: ArticleContent, now: number): Promise<boolean> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const post = await tx.objectStore('posts').get(key);
  if (!post) {
    await tx.done;
    return false;
  }
  const record: StoredArticle = { feedId: key[0], id: key[1], url: content.url, html: content.html, text: content.text, fetchedAt: now };
  await Promise.all([tx.objectStore('articles').put(record), writer.put(post, { ...post, article: { state: 'ok', at: now } })]);
  await writer.save();
  await tx.done;
  return true;
}

/** Marks a post's extraction failed, with why; an article extracted before is kept. */
export async function saveArticleFailure(db: Db, key: PostKey, message: string, now: number): Promise<void> {
  const tx = db.transaction(POST_STORES, 'readwrite');
  const writer = await postWriter(tx);
  const [post, article] = await Promise.all([tx.objectStore('posts').get(key), tx.objectStore('articles').get(key)]);
  if (post && !article) await writer.put(post, { ...post, article: { state: 'failed', at: now, message } });
  await writer.save();
  await tx.done;
}

/** Turns "always load full articles" on or off for a feed; the feed as stored, or undefined when gone. */
export async function setFeedFulltext(db: Db, feedId: string, on: boolean): Promise<StoredFeed | undefined> {
  const tx = db.transaction('feeds', 'readwrite');
  const feed = await tx.store.get(feedId);
  if (!feed) {
    await tx.done;
    return undefined;
  }
  const next: StoredFeed = { ...feed };
  if (on) next.fulltext = true;
  else delete next.fulltext;
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** The newest `limit` posts of a feed that have neither an article nor a failure yet. */
export async function postsWithoutArticle(db: Db, feedId: string, limit: number): Promise<StoredPost[]> {
  const out: StoredPost[] = [];
  const tx = db.transaction('posts');
  let cursor = await tx.store.index('byFeed').openCursor(IDBKeyRange.bound([feedId, -Infinity], [feedId, Infinity]), 'prev');
  // Only the newest few are looked at: an old post that failed or was never asked stays as it is.
  let seen = 0;
  while (cursor && out.length < limit && seen < limit * 2) {
    seen++;
    if (!cursor.value.article && cursor.value.url) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}
