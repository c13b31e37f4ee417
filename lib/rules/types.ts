/** Rules that mute or highlight posts, as Miniflux's block/keep rules and Inoreader's filters. */

/** What a rule does to a post it matches. */
export type RuleAction =
  /** Mute: marked read and left out of the river (shown on demand). */
  | 'hide'
  /** Mute: marked read, still in the river. */
  | 'read'
  /** Stands out in the river and the popup. */
  | 'highlight';

/** How the pattern is read. */
export type RuleMatch =
  /** Any of the space-separated words, as whole words, ignoring case and accents. */
  | 'words'
  /** The exact phrase, as whole words, ignoring case, accents and spacing. */
  | 'phrase'
  /** A JavaScript regular expression (case-insensitive), bounded: see check-regex.ts. */
  | 'regex';

/** Which part of a post is searched. */
export type RuleField = 'title' | 'content' | 'author';

/** Which posts a rule looks at. */
export type RuleScope = { kind: 'all' } | { kind: 'folder'; folder: string } | { kind: 'feed'; feedId: string };

/** One rule as stored. */
export interface Rule {
  id: string;
  action: RuleAction;
  match: RuleMatch;
  pattern: string;
  fields: RuleField[];
  scope: RuleScope;
  enabled: boolean;
}
