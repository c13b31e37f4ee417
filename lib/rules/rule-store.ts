/** The reader's rules, kept in the database's meta store (the worker reads them in each commit's transaction). */
import type { Db } from '../db/open-db';
import type { PostTx } from '../db/post-writes';
import type { Rule } from './types';

/** Key of the rules record in the meta store. */
export const RULES_KEY = 'rules';

/** The rules of a meta record (anything else: none). */
export function rulesOf(record: unknown): Rule[] {
  const rules = (record as { rules?: unknown } | undefined)?.rules;
  return Array.isArray(rules) ? (rules as Rule[]) : [];
}

/** Every rule, in the order they were made. */
export async function readRules(db: Db): Promise<Rule[]> {
  return rulesOf(await db.get('meta', RULES_KEY));
}

/** Replaces the stored rules. */
export async function saveRules(db: Db, rules: Rule[]): Promise<void> {
  await db.put('meta', { rules }, RULES_KEY);
}

/** The rules, read inside a transaction that includes the meta store. */
export async function readRulesIn(tx: PostTx): Promise<Rule[]> {
  return rulesOf(await tx.objectStore('meta').get(RULES_KEY));
}
