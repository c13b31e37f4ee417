/** Rules: mute (hide, or mark read) and highlight posts by words, a phrase or a regular expression. */
import { useState } from 'preact/hooks';
import { listFeeds } from '../../lib/db/feeds';
import type { StoredFeed } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { ruleError } from '../../lib/rules/compile-rule';
import { readRules } from '../../lib/rules/rule-store';
import type { Rule, RuleAction, RuleField, RuleMatch, RuleScope } from '../../lib/rules/types';
import { useLiveQuery } from '../use-live-query';

const ACTIONS: Record<RuleAction, string> = { hide: 'Mute: hide', read: 'Mute: mark read', highlight: 'Highlight' };
const MATCHES: Record<RuleMatch, string> = { words: 'Any of the words', phrase: 'The phrase', regex: 'Regular expression' };
const FIELDS: RuleField[] = ['title', 'content', 'author'];

function scopeText(scope: RuleScope, feeds: StoredFeed[]): string {
  if (scope.kind === 'all') return 'everything';
  if (scope.kind === 'folder') return `folder ${scope.folder}`;
  return `feed ${feeds.find((f) => f.id === scope.feedId)?.title ?? '(unsubscribed)'}`;
}

function scopeValue(scope: RuleScope): string {
  return scope.kind === 'all' ? 'all' : scope.kind === 'folder' ? `folder:${scope.folder}` : `feed:${scope.feedId}`;
}

function parseScope(v: string): RuleScope {
  if (v.startsWith('folder:')) return { kind: 'folder', folder: v.slice(7) };
  if (v.startsWith('feed:')) return { kind: 'feed', feedId: v.slice(5) };
  return { kind: 'all' };
}

/** The rules list, the form that adds one, and "apply to stored posts". */
export function RulesSection({ folders }: { folders: string[] }) {
  const rules = useLiveQuery(readRules, [], (c) => c.all);
  const feeds = useLiveQuery(listFeeds, [], (c) => c.all).value ?? [];
  const [action, setAction] = useState<RuleAction>('hide');
  const [match, setMatch] = useState<RuleMatch>('words');
  const [pattern, setPattern] = useState('');
  const [fields, setFields] = useState<RuleField[]>(['title', 'content']);
  const [scope, setScope] = useState('all');
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const [applying, setApplying] = useState(false);
  const list = rules.value ?? [];
  const error = ruleError({ match, pattern, fields });
  const showError = touched && pattern !== '' ? error : undefined;

  const save = async (next: Rule[], done: string): Promise<boolean> => {
    const r = await send({ type: 'save-rules', rules: next });
    if (!r.ok) {
      setStatus({ ok: false, text: Object.values(r.errors).join(' ') });
      return false;
    }
    rules.reload();
    setStatus({ ok: true, text: done });
    return true;
  };

  const add = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (error) {
      (document.getElementById('rule-pattern') as HTMLInputElement | null)?.focus();
      return;
    }
    const rule: Rule = { id: crypto.randomUUID(), action, match, pattern: pattern.trim(), fields, scope: parseScope(scope), enabled: true };
    if (await save([...list, rule], 'Rule added. It applies to new posts; “Apply to stored posts” applies it to those you have.')) {
      setPattern('');
      setTouched(false);
    }
  };

  const apply = async () => {
    setApplying(true);
    try {
      const r = await send({ type: 'apply-rules' });
      setStatus({ ok: true, text: `Checked ${r.checked} posts: ${r.hidden} hidden, ${r.markedRead} marked read, ${r.highlighted} highlighted.` });
    } catch (err) {
      setStatus({ ok: false, text: `Applying the rules failed: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setApplying(false);
    }
  };

  return (
    <div class="rules" data-testid="rules-section">
      <p class="muted">
        Mute posts you do not want (hidden from the river and marked read, or only marked read) and highlight those you do. Rules look at new
        posts as they arrive; the river says how many posts rules hid and shows them on request.
      </p>
      {list.length === 0 ? (
        <p class="muted">No rules yet.</p>
      ) : (
        <ul class="rule-list">
          {list.map((r) => (
            <li key={r.id} data-testid="rule-row" data-rule-id={r.id}>
              <label class="check inline">
                <input
                  type="checkbox"
                  checked={r.enabled}
                  onChange={(e) => void save(list.map((x) => (x.id === r.id ? { ...x, enabled: (e.target as HTMLInputElement).checked } : x)), 'Rule updated.')}
                />{' '}
                <strong>{ACTIONS[r.action]}</strong>
              </label>{' '}
              posts whose {r.fields.join(', ')} {r.match === 'regex' ? 'match' : 'contain'} {MATCHES[r.match].toLowerCase()} <code>{r.pattern}</code>, in{' '}
              {scopeText(r.scope, feeds)}{' '}
              <button type="button" data-testid="rule-delete" aria-label={`Delete the rule ${r.pattern}`} onClick={() => void save(list.filter((x) => x.id !== r.id), 'Rule deleted.')}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={(e) => void add(e)} noValidate>
        <label class="field">
          <span>Do</span>
          <select data-testid="rule-action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value as RuleAction)}>
            {Object.entries(ACTIONS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          <span>When it contains</span>
          <select data-testid="rule-match" value={match} onChange={(e) => setMatch((e.target as HTMLSelectElement).value as RuleMatch)}>
            {Object.entries(MATCHES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field grow">
          <span>{match === 'regex' ? 'Pattern (case is ignored)' : match === 'words' ? 'Words (space-separated)' : 'Phrase'}</span>
          <input
            id="rule-pattern"
            type="text"
            data-testid="rule-pattern"
            value={pattern}
            spellcheck={false}
            aria-invalid={showError ? 'true' : 'false'}
            aria-describedby={showError ? 'rule-pattern-error' : undefined}
            onInput={(e) => {
              setPattern((e.target as HTMLInputElement).value);
              setTouched(true);
            }}
          />
        </label>
        {showError && (
          <p class="error" id="rule-pattern-error" role="alert" data-testid="rule-pattern-error">
            {showError}
          </p>
        )}
        <fieldset class="rule-fields">
          <legend>Look in</legend>
          {FIELDS.map((f) => (
            <label key={f} class="check inline">
              <input
                type="checkbox"
                data-testid={`rule-field-${f}`}
                checked={fields.includes(f)}
                onChange={(e) => setFields((cur) => ((e.target as HTMLInputElement).checked ? [...cur, f] : cur.filter((x) => x !== f)))}
              />{' '}
              {f}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>For</span>
          <select data-testid="rule-scope" value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value)}>
            <option value="all">Everything</option>
            {folders.map((f) => (
              <option key={`folder:${f}`} value={scopeValue({ kind: 'folder', folder: f })}>
                Folder: {f}
              </option>
            ))}
            {feeds.map((f) => (
              <option key={f.id} value={scopeValue({ kind: 'feed', feedId: f.id })}>
                Feed: {f.title || f.url}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" data-testid="rule-add">
          Add rule
        </button>
      </form>
      <p>
        <button type="button" data-testid="rules-apply" disabled={applying} onClick={() => void apply()}>
          {applying ? 'Applying…' : 'Apply the rules to stored posts'}
        </button>{' '}
        <span role="status" data-testid="rules-status" class={status && !status.ok ? 'error' : 'muted'}>
          {status?.text ?? ''}
        </span>
      </p>
    </div>
  );
}
