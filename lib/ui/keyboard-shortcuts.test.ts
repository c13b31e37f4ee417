import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor, type KeyInput } from './keyboard-shortcuts';

const press = (key: string, target: KeyInput['target'] = { tagName: 'ARTICLE' }, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('shortcutFor', () => {
  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['o', 'open'],
    ['Enter', 'open'],
    ['m', 'toggle-read'],
    ['s', 'star'],
    ['r', 'refresh'],
    ['/', 'search'],
    ['?', 'help'],
    ['A', 'mark-above-read'],
  ])('%s does %s', (key, action) => {
    expect(shortcutFor(press(key))).toBe(action);
  });

  it('leaves keys typed into fields, and browser shortcuts, alone', () => {
    expect(shortcutFor(press('j', { tagName: 'INPUT', type: 'search' }))).toBeUndefined();
    expect(shortcutFor(press('j', { tagName: 'TEXTAREA' }))).toBeUndefined();
    expect(shortcutFor(press('j', { tagName: 'DIV', isContentEditable: true }))).toBeUndefined();
    expect(shortcutFor(press('r', undefined, { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(press('s', undefined, { metaKey: true }))).toBeUndefined();
    expect(shortcutFor(press('q'))).toBeUndefined();
  });

  it('keeps Enter for links and buttons, but j/k work from them', () => {
    expect(shortcutFor(press('Enter', { tagName: 'A' }))).toBeUndefined();
    expect(shortcutFor(press('Enter', { tagName: 'BUTTON' }))).toBeUndefined();
    expect(shortcutFor(press('j', { tagName: 'BUTTON' }))).toBe('next');
    expect(shortcutFor(press('j', { tagName: 'INPUT', type: 'range' }))).toBe('next');
  });

  it('lists every key once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
