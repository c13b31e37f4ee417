/** The timeline's keyboard shortcuts: one table drives both the key handler and the "?" dialog. */
import type { MessageKey } from '../i18n/t';

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
  /** What it does, as a catalogue key (the dialog shows it in the reader's language). */
  description: MessageKey;
}

/** Every shortcut, in the order the help dialog shows them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], action: 'next', description: 'timeline_keyNext' },
  { keys: ['k'], action: 'previous', description: 'timeline_keyPrevious' },
  { keys: ['o', 'Enter'], action: 'open', description: 'timeline_keyOpen' },
  { keys: ['x'], action: 'expand', description: 'timeline_keyExpand' },
  { keys: ['m'], action: 'toggle-read', description: 'timeline_keyToggleRead' },
  { keys: ['s'], action: 'star', description: 'timeline_keyStar' },
  { keys: ['A'], action: 'mark-above-read', description: 'timeline_keyMarkAbove' },
  { keys: ['p'], action: 'play', description: 'timeline_keyPlay' },
  { keys: ['r'], action: 'refresh', description: 'timeline_keyRefresh' },
  { keys: ['/'], action: 'search', description: 'timeline_keySearch' },
  { keys: ['?'], action: 'help', description: 'timeline_keyHelp' },
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
