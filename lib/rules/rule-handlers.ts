/** The background's rule requests: save (every pattern checked first) and apply to stored posts. */
import { announceChange } from '../messaging/changes';
import type { WorkerDeps } from '../messaging/worker-deps';
import type { Reply } from '../messaging/protocol';
import { applyRulesToStored } from './apply-rules-to-stored';
import { ruleError } from './compile-rule';
import { saveRules } from './rule-store';
import type { Rule } from './types';

/** Handlers for 'save-rules' and 'apply-rules'. */
export function createRuleHandlers(deps: WorkerDeps) {
  return {
    'save-rules': async (req: { type: 'save-rules'; rules: Rule[] }): Promise<Reply<{ type: 'save-rules'; rules: Rule[] }>> => {
      const errors: Record<string, string> = {};
      for (const rule of req.rules) {
        const error = ruleError(rule);
        if (error) errors[rule.id] = error;
      }
      if (Object.keys(errors).length > 0) return { ok: false, errors };
      await saveRules(await deps.db(), req.rules);
      announceChange();
      return { ok: true };
    },
    'apply-rules': async (): Promise<Reply<{ type: 'apply-rules' }>> => {
      const report = await applyRulesToStored(await deps.db());
      await deps.refreshBadge();
      announceChange();
      return report;
    },
  };
}
