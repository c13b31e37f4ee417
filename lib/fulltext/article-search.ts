/** Full articles in search: each stored article's text joins its post's searchable text. */
import type { Db } from '../db/open-db';
import { postKeyId } from '../db/post-key-id';

/** A searchable document, as lib/db/search-index holds it. */
interface Doc {
  key: [string, string];
  text: string;
}

/** Appends each stored article's text (folded by `fold`) to its post's document. */
export async function addArticleText(db: Db, docs: Doc[], fold: (s: string) => string): Promise<void> {
  if (!db.objectStoreNames.contains('articles')) return;
  const byKey = new Map(docs.map((d) => [postKeyId(d.key[0], d.key[1]), d]));
  let cursor = await db.transaction('articles').store.openCursor();
  while (cursor) {
    const doc = byKey.get(postKeyId(cursor.value.feedId, cursor.value.id));
    if (doc) doc.text = `${doc.text} ${fold(cursor.value.text)}`;
    cursor = await cursor.continue();
  }
}
