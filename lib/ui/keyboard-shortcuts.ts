/** The timeline's keyboard shortcuts: one table drives both the key handler and the "?" dialog. */

/** Something a shortcut does. */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'expand'
  | 'toggle-read'
  | 'star'
  | 'mark-above-read'
  | 'refresh'
  | 'search'
  | 'play'
  | 'help';

/** One shortcut as the help dialog lists it. */
export interface Shortcut {
  keys: string[];
  action: ShortcutAction;
  description: string;
}

/** Every shortcut, in the order the help dialog shows them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', description: 'Next post' },
  { keys: ['k'], action: 'previous', description: 'Previous post' },
  { keys: ['o', 'Enter'], action: 'open', description: 'Open the post on its site (new tab) and mark it read' },
  { keys: ['x'], action: 'expand', description: 'Show or hide the post’s content here (marks it read)' },
  { keys: ['m'], action: 'toggle-read', description: 'Mark read / unread' },
  { keys: ['s'], action: 'star', description: 'Star / unstar' },
  { keys: ['A'], action: 'mark-above-read', description: 'Mark every post above this one read (Shift+A)' },
  { keys: ['p'], action: 'play', description: 'Play / pause the post’s episode' },
  { keys: ['r'], action: 'refresh', description: 'Refresh every feed now' },
  { keys: ['/'], action: 'search', description: 'Search' },
  { keys: ['?'], action: 'help', description: 'Show these shortcuts' },
];

/** The parts of a keyboard event that decide a shortcut. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element the key went to. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const BUTTONS = new Set(['button', 'checkbox', 'radio', 'range', 'submit', 'reset']);

/**
 * The action for a key press, or undefined: keys typed into a field stay there, and browser
 * shortcuts (Ctrl, Cmd, Alt) are left alone. Enter on a link or button keeps its own meaning.
 */
export function shortcutFor(e: KeyInput): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const tag = e.target?.tagName?.toUpperCase() ?? '';
  if (e.target?.isContentEditable) return undefined;
  if (TYPING.has(tag) && !(tag === 'INPUT' && BUTTONS.has(e.target?.type ?? ''))) return undefined;
  if (e.key === 'Enter' && (tag === 'A' || tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'INPUT')) return undefined;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action;
}
