/** Rules: mute (hide, or mark read) and highlight posts by words, a phrase or a regular expression. */
import { useState } from 'preact/hooks';
import { listFeeds } from '../../lib/db/feeds';
import type { StoredFeed } from '../../lib/db/types';
import { send } from '../../lib/messaging/protocol';
import { t, tn, type MessageKey } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { ruleError } from '../../lib/rules/compile-rule';
import { readRules } from '../../lib/rules/rule-store';
import type { Rule, RuleAction, RuleField, RuleMatch, RuleScope } from '../../lib/rules/types';
import { useLiveQuery } from '../use-live-query';
import { RuleScopeSelect } from './rule-scope-select';

const ACTIONS: Record<RuleAction, MessageKey> = { hide: 'options_ruleHide', read: 'options_ruleRead', highlight: 'options_ruleHighlight' };
const MATCHES: Record<RuleMatch, MessageKey> = { words: 'options_matchWords', phrase: 'options_matchPhrase', regex: 'options_matchRegex' };
// How a rule reads in the list, by what it matches: "posts whose title contain any of the words …".
const SENTENCES: Record<RuleMatch, MessageKey> = { words: 'options_ruleWords', phrase: 'options_rulePhrase', regex: 'options_ruleRegex' };
const FIELDS: RuleField[] = ['title', 'content', 'author'];
const FIELD_NAMES: Record<RuleField, MessageKey> = { title: 'options_fieldTitle', content: 'options_fieldContent', author: 'options_fieldAuthor' };

function scopeText(scope: RuleScope, feeds: StoredFeed[]): string {
  if (scope.kind === 'all') return t('options_scopeAll');
  if (scope.kind === 'folder') return t('options_scopeFolder', { folder: scope.folder });
  return t('options_scopeFeed', { feed: feeds.find((f) => f.id === scope.feedId)?.title ?? t('options_scopeUnsubscribed') });
}

let lists: Intl.ListFormat | undefined;
/** "title and content", "Titel und Inhalt". */
function fieldsText(fields: RuleField[]): string {
  lists ??= new Intl.ListFormat(uiLocale(), { type: 'conjunction' });
  return lists.format(fields.map((f) => t(FIELD_NAMES[f])));
}

/** A rule's sentence, split around its pattern (shown as code). */
function ruleSentence(r: Rule, feeds: StoredFeed[]): [string, string] {
  const MARK = '\u0000';
  const [before = '', after = ''] = t(SENTENCES[r.match], { fields: fieldsText(r.fields), pattern: MARK, scope: scopeText(r.scope, feeds) }).split(MARK);
  return [before, after];
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
    if (await save([...list, rule], t('options_ruleAdded'))) {
      setPattern('');
      setTouched(false);
    }
  };

  const apply = async () => {
    setApplying(true);
    try {
      const r = await send({ type: 'apply-rules' });
      setStatus({ ok: true, text: tn('options_rulesApplied', r.checked, { hidden: r.hidden, read: r.markedRead, highlighted: r.highlighted }) });
    } catch (err) {
      setStatus({ ok: false, text: t('options_rulesApplyFailed', { error: err instanceof Error ? err.message : String(err) }) });
    } finally {
      setApplying(false);
    }
  };

  return (
    <div class="rules" data-testid="rules-section">
      <p class="muted">
        {t('options_rulesIntro')}
      </p>
      {list.length === 0 ? (
        <p class="muted">{t('options_noRules')}</p>
      ) : (
        <ul class="rule-list">
          {list.map((r) => (
            <li key={r.id} data-testid="rule-row" data-rule-id={r.id}>
              <label class="check inline">
                <input
                  type="checkbox"
                  checked={r.enabled}
                  onChange={(e) => void save(list.map((x) => (x.id === r.id ? { ...x, enabled: (e.target as HTMLInputElement).checked } : x)), t('options_ruleUpdated'))}
                />{' '}
                <strong>{t(ACTIONS[r.action])}</strong>
              </label>{' '}
              {ruleSentence(r, feeds)[0]}
              <code>{r.pattern}</code>
              {ruleSentence(r, feeds)[1]}{' '}
              <button type="button" data-testid="rule-delete" aria-label={t('options_ruleDeleteLabel', { pattern: r.pattern })} onClick={() => void save(list.filter((x) => x.id !== r.id), t('options_ruleDeleted'))}>
                {t('options_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={(e) => void add(e)} noValidate>
        <label class="field">
          <span>{t('options_ruleDo')}</span>
          <select data-testid="rule-action" value={action} onChange={(e) => setAction((e.target as HTMLSelectElement).value as RuleAction)}>
            {Object.entries(ACTIONS).map(([k, v]) => (
              <option key={k} value={k}>
                {t(v)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field">
          <span>{t('options_ruleWhen')}</span>
          <select data-testid="rule-match" value={match} onChange={(e) => setMatch((e.target as HTMLSelectElement).value as RuleMatch)}>
            {Object.entries(MATCHES).map(([k, v]) => (
              <option key={k} value={k}>
                {t(v)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label class="field grow">
          <span>{t(match === 'regex' ? 'options_rulePattern' : match === 'words' ? 'options_ruleWordsLabel' : 'options_rulePhraseLabel')}</span>
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
          <legend>{t('options_ruleLookIn')}</legend>
          {FIELDS.map((f) => (
            <label key={f} class="check inline">
              <input
                type="checkbox"
                data-testid={`rule-field-${f}`}
                checked={fields.includes(f)}
                onChange={(e) => setFields((cur) => ((e.target as HTMLInputElement).checked ? [...cur, f] : cur.filter((x) => x !== f)))}
              />{' '}
              {t(FIELD_NAMES[f])}
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('options_ruleFor')}</span>
          <RuleScopeSelect value={scope} folders={folders} feeds={feeds} onChange={setScope} />
        </label>{' '}
        <button type="submit" data-testid="rule-add">
          {t('options_ruleAdd')}
        </button>
      </form>
      <p>
        <button type="button" data-testid="rules-apply" disabled={applying} onClick={() => void apply()}>
          {applying ? t('options_rulesApplying') : t('options_rulesApply')}
        </button>{' '}
        <span role="status" data-testid="rules-status" class={status && !status.ok ? 'error' : 'muted'}>
          {status?.text ?? ''}
        </span>
      </p>
    </div>
  );
}
