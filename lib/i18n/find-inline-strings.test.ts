import { describe, expect, it } from 'vitest';
import { findInlineStrings } from './find-inline-strings';

const texts = (src: string) => findInlineStrings(src).map((s) => s.text);

describe('findInlineStrings', () => {
  it('finds words written in JSX text, with their line', () => {
    const src = `export const A = () => (\n  <p>\n    Mark all read\n  </p>\n);`;
    expect(findInlineStrings(src)).toEqual([{ line: 3, text: 'Mark all read' }]);
  });

  it('finds literal text in rendered expressions: branches, && and template literals', () => {
    expect(texts(`const A = () => <h2>{open ? 'Hide them' : t('timeline_showThem')}</h2>;`)).toEqual(["'Hide them'"]);
    expect(texts('const A = () => <p>{undo && `Marked ${n} posts`}</p>;')).toEqual(['`Marked ${n} posts`']);
    expect(texts(`const A = () => <p>{x ?? 'untitled'}</p>;`)).toEqual(["'untitled'"]);
  });

  it('finds literal text in the props a reader sees or hears', () => {
    const src = `const A = () => <button aria-label="Dismiss" title={\`Refresh \${n}\`} data-x="y">×</button>;
const B = () => <input placeholder={busy ? 'Search' : t('timeline_searchPlaceholder')} />;
const C = () => <img alt="A picture" />;
const D = () => <Switch label="View" />;`;
    expect(texts(src)).toEqual(['"Dismiss"', '`Refresh ${n}`', "'Search'", '"A picture"', '"View"']);
  });

  it('ignores t() and tn() calls, testids, class names, ids, signs and code', () => {
    const src = `
const A = ({ n, open }) => (
  <section class="popup failing" id="recent-h" data-testid="unread-total" aria-labelledby="groups-h">
    <h1>{t('extName')}</h1>
    <p class={open ? 'open shown' : 'closed'}>{tn('popup_feedsFailing', n)} · {n}×</p>
    <button aria-label={t('timeline_dismiss')} title={t('detected_previewLabel', { name: 'x' })} onClick={() => send({ type: 'refresh-all' })}>
      ×
    </button>
    {n > 0 && <span>{formatNumber(n)}</span>}
    {kind === 'folder' ? <b>{t('common_noFolder')}</b> : null}
    {' · '}
    {items.map((it) => <li key={it.id}>{it.title}</li>)}
  </section>
);
const message = 'Not JSX: checked by review, not by this scanner';`;
    expect(findInlineStrings(src)).toEqual([]);
  });
});

describe('findInlineStrings in a plain .ts file', () => {
  const ts = (src: string) => findInlineStrings(src, 'state.ts').map((s) => s.text);

  it('finds sentences built for the screen', () => {
    expect(ts(`set({ error: 'This episode could not be played.' });\nconst x = \`Marked \${n} posts read.\`;`)).toEqual(["'This episode could not be played.'", '`Marked ${n} posts read.`']);
  });

  it('ignores t(), console, imports, types, single words and keys', () => {
    const src = `import { t } from '../i18n/t';
type Kind = 'no folder';
tell(t('timeline_nothingToMark'));
console.error('[orrery:player] pruning saved positions failed', err);
const view = saved('orrery.view', ['full', 'summary'], 'full');
const sel = 'article[data-entry-id]';`;
    expect(ts(src)).toEqual([]);
  });
});
