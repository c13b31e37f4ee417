/** The ingest hook of rules: new posts meet the reader's rules before they are first written. */
import type { PostTx } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { compileRules, matchRules, withVerdict } from './match-rules';
import { readRulesIn } from './rule-store';

/** New posts with the rules' verdicts applied (muted ones arrive read, never counted as unread). */
export async function applyRulesAtIngest(tx: PostTx, fresh: StoredPost[]): Promise<StoredPost[]> {
  const rules = compileRules(await readRulesIn(tx));
  if (rules.length === 0) return fresh;
  return fresh.map((p) => {
    const v = matchRules(rules, p);
    return v.hiddenBy || v.readBy || v.highlightBy ? withVerdict(p, v) : p;
  });
}
