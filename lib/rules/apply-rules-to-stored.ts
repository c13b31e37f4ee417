/** "Apply to stored posts": runs the rules over every stored post, in batches of short transactions. */
import type { Db } from '../db/open-db';
import { POST_STORES, postWriter } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { compileRules, matchRules, withVerdict } from './match-rules';
import { readRules } from './rule-store';

/** What applying the rules changed. */
export interface ApplyReport {
  checked: number;
  hidden: number;
  markedRead: number;
  highlighted: number;
}

const BATCH = 500;

/**
 * Re-decides every stored post: posts a rule hides are hidden (and read), posts no rule hides
 * any more come back (still read), highlights follow the rules. Batches of BATCH posts, one
 * transaction each, so polls are not held up behind one long transaction.
 */
export async function applyRulesToStored(db: Db): Promise<ApplyReport> {
  const rules = compileRules(await readRules(db));
  const report: ApplyReport = { checked: 0, hidden: 0, markedRead: 0, highlighted: 0 };
  let after: [string, string] | undefined;
  for (;;) {
    const tx = db.transaction(POST_STORES, 'readwrite');
    const writer = await postWriter(tx);
    const range = after ? IDBKeyRange.lowerBound(after, true) : undefined;
    const batch: StoredPost[] = await tx.objectStore('posts').getAll(range, BATCH);
    const writes: Promise<unknown>[] = [];
    for (const post of batch) {
      const v = matchRules(rules, post);
      const next = withVerdict(post, v);
      report.checked++;
      if (v.hiddenBy) report.hidden++;
      if (next.read === 1 && post.read === 0) report.markedRead++;
      if (v.highlightBy) report.highlighted++;
      if (next.read !== post.read || next.hiddenBy !== post.hiddenBy || next.highlightBy !== post.highlightBy) writes.push(writer.put(post, next));
    }
    await Promise.all(writes);
    await writer.save();
    await tx.done;
    const last = batch[batch.length - 1];
    if (!last || batch.length < BATCH) return report;
    after = [last.feedId, last.id];
  }
}
