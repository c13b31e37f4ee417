/**
 * Stored changes applied to the river in place: the posts in the window read again (only the
 * changed feeds' after a poll), new posts shown at once at the very top, announced further down.
 */
import { openOrreryDb } from '../../lib/db/open-db';
import type { StoredChange } from '../../lib/messaging/stored-change';
import { mergeReRead } from '../../lib/ui/merge-re-read';
import { captureAnchor, stopFill, type RiverCore } from './river-core';
import { keyOf, readPosts } from './river-source';
import { PAGE_SIZE, firstPageRead, fresh } from './river-state';

/**
 * Reads the posts in the window again. After polls (`change` names the feeds whose posts
 * changed) only those feeds' posts are read: a refresh changes a few feeds a second, and
 * re-reading the whole window (up to 200 full posts) each time cost the page and the database.
 */
export async function refreshRiver(c: RiverCore, change?: StoredChange): Promise<void> {
  const st = c.s.current;
  const gen = st.gen;
  const ticket = ++st.reads.issued;
  const db = await openOrreryDb();
  const { lo, hi } = st.win;
  const pages = st.pages.slice(lo, hi + 1);
  const only = change && !change.all ? new Set(change.posts) : undefined;
  const wanted = pages.map((p) => (only ? p.keys.filter((k) => only.has(k[0])) : p.keys));
  // The window's pages are read in one transaction (one per page waited behind a refresh's write each).
  const all = wanted.flat();
  const [read, total, head] = await Promise.all([all.length ? readPosts(db, all) : Promise.resolve([]), c.src.current.count(db), c.src.current.head(db)]);
  const byKey = new Map(read.map((p) => [keyOf(p), p]));
  const got = wanted.map((keys) => keys.flatMap((k) => byKey.get(keyOf({ feedId: k[0], id: k[1] })) ?? []));
  // Reads resolve out of order when changes come quickly (m, m, s): a newer one is already shown.
  if (c.s.current.gen !== gen || ticket <= st.reads.applied) return;
  st.reads.applied = ticket;
  pages.forEach((page, i) => {
    const posts = only && page.posts ? mergeReRead(page.posts, got[i] ?? [], only) : (got[i] ?? []);
    page.posts = posts;
    page.keys = posts.map((p) => [p.feedId, p.id]);
  });
  st.total = total;
  if (head !== undefined && (st.headSortKey === undefined || head > st.headSortKey)) {
    // At the very top, new posts simply appear; further down, the reader is told and chooses.
    if (st.win.lo === 0 && window.scrollY < 40) return topAgain(c, db, ticket);
    st.newer = true;
  }
  captureAnchor(c);
  c.render();
}

/**
 * New posts arrived while the reader is at the top: the first page is read again and shown
 * in place of the river, without emptying it first, so the posts it still holds keep their
 * elements (a refresh brings new posts every second or so, and rebuilding the whole first
 * page each time cost the timeline most of its CPU while a refresh ran).
 */
async function topAgain(c: RiverCore, db: Awaited<ReturnType<typeof openOrreryDb>>, ticket: number): Promise<void> {
  const old = c.s.current;
  const page = await c.src.current.load(db, undefined, PAGE_SIZE);
  if (c.s.current !== old || ticket < old.reads.issued) return;
  stopFill(c);
  // A new generation: reads in flight for the old pages are dropped when they come back.
  const st = fresh(old.gen + 1);
  firstPageRead(st, page, undefined);
  st.total = old.total;
  st.reads = { issued: old.reads.issued, applied: ticket };
  c.s.current = st;
  c.render();
}
