/**
 * The rules form's "for" picker: everything, a folder, or one feed. It lists one option per
 * feed (hundreds after an OPML import), and Chromium restyles every element of every open
 * extension page whenever another of its pages is created: an options page left open made each
 * popup or timeline opened meanwhile restyle those options too (~1,700 of its ~2,050 elements
 * with 545 feeds). So the feeds are listed only while the picker is in use (pointer over it, or
 * focused); otherwise it holds everything, the folders and the feed chosen.
 */
import { useState } from 'preact/hooks';
import type { StoredFeed } from '../../lib/db/types';
import { t } from '../../lib/i18n/t';

/** The picker; `value` is `all`, `folder:<name>` or `feed:<id>`. */
export function RuleScopeSelect({ value, folders, feeds, onChange }: { value: string; folders: string[]; feeds: StoredFeed[]; onChange: (value: string) => void }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const inUse = hovered || focused;
  const listed = inUse ? feeds : feeds.filter((f) => value === `feed:${f.id}`);
  return (
    <select
      class="rule-scope"
      data-testid="rule-scope"
      data-feeds-listed={inUse ? 'all' : 'chosen'}
      value={value}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="all">{t('options_everything')}</option>
      {folders.map((f) => (
        <option key={`folder:${f}`} value={`folder:${f}`}>
          {t('options_folderChoice', { folder: f })}
        </option>
      ))}
      {listed.map((f) => (
        <option key={f.id} value={`feed:${f.id}`}>
          {t('options_feedChoice', { feed: f.title || f.url })}
        </option>
      ))}
    </select>
  );
}
