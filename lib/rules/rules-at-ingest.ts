/** The ingest hook of rules: new posts meet the reader's rules before they are first written. */
import type { PostTx } from '../db/post-writes';
import type { StoredPost } from '../db/types';
import { compileRules, matchRules, withVerdict } from './match-rules';
import { readRulesIn } from './rule-store';
import type { Rule } from './types';

/**
 * New posts with the rules' verdicts applied (muted ones arrive read, never counted as unread).
 * `read`: the rules, when the caller has read them already (in the same round trip as its other reads).
 */
export async function applyRulesAtIngest(tx: PostTx, fresh: StoredPost[], read?: Promise<Rule[]>): Promise<StoredPost[]> {
  const rules = compileRules(await (read ?? readRulesIn(tx)));
  if (rules.length === 0) return fresh;
  return fresh.map((p) => {
    const v = matchRules(rules, p);
    return v.hiddenBy || v.readBy || v.highlightBy ? withVerdict(p, v) : p;
  });
}
