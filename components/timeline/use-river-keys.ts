/** The timeline's keyboard: j/k move through the river (loading and windowing as needed), the rest act on the current post. */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { StoredPost } from '../../lib/db/types';
import { shortcutFor, type ShortcutAction } from '../../lib/ui/keyboard-shortcuts';
import { keyOf } from './river-source';
import type { RiverModel } from './use-river';

/** What the keys act on and with. */
export interface KeyDeps {
  river: RiverModel;
  root: { current: HTMLElement | null };
  currentKey: string | undefined;
  setCurrent: (key: string) => void;
  /** Height of the sticky top bar: a post "on screen" is below it. */
  topInset: number;
  /** Called when j/k arrive at a post (full view marks it read: it is on screen, whole). */
  onArrive: (post: StoredPost) => void;
  act: Partial<Record<ShortcutAction, (post: StoredPost | undefined, index: number | undefined) => void>>;
  onEnd: () => void;
}

/** Finds a post's article in the river. */
export function articleOf(root: HTMLElement | null, key: string): HTMLElement | null {
  const [feedId, id] = key.split('\u0000') as [string, string];
  return root?.querySelector<HTMLElement>(`article[data-feed-id="${CSS.escape(feedId)}"][data-entry-id="${CSS.escape(id ?? '')}"]`) ?? null;
}

/** Installs the document key handler. */
export function useRiverKeys(deps: KeyDeps): void {
  const d = useRef(deps);
  d.current = deps;
  const focusNext = useRef<string | undefined>(undefined);

  const firstVisible = (): number | undefined => {
    const { root, topInset } = d.current;
    for (const el of root.current?.querySelectorAll<HTMLElement>('article[data-entry-id]') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.bottom > topInset + 8) return Number(el.getAttribute('aria-posinset')) - 1;
    }
    return undefined;
  };

  /**
   * One j/k. Each move starts where the previous one arrived: a press while a move waits for a
   * page to be read (or rendered) used to start from the same post as that move and arrive
   * with it, so presses were lost (95 presses of j could end on post 41).
   */
  const move = async (dir: 1 | -1) => {
    const { river, currentKey, root, topInset } = d.current;
    // The post a move arrived at is current, though maybe not focused and scrolled to yet.
    const arrived = focusNext.current;
    const fromKey = arrived ?? currentKey;
    let at = river.items.find((it) => keyOf(it.post) === fromKey)?.index;
    const el = fromKey ? articleOf(root.current, fromKey) : null;
    const r = el?.getBoundingClientRect();
    const onScreen = el && (arrived !== undefined || (r && r.bottom > topInset && r.top < window.innerHeight));
    if (!onScreen) {
      // The reader scrolled away from the current post: start from what is on screen.
      const first = firstVisible();
      if (first !== undefined) at = dir > 0 ? first - 1 : first;
    }
    const target = (at ?? -1) + dir;
    if (target < 0) return;
    const post = await river.ensure(target);
    if (!post) {
      d.current.onEnd();
      return;
    }
    const key = keyOf(post);
    focusNext.current = key;
    d.current.setCurrent(key);
    d.current.onArrive(post);
  };
  /** Moves in the order pressed, each after the one before has arrived. */
  const moves = useRef<Promise<void>>(Promise.resolve());

  useLayoutEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    const el = articleOf(d.current.root.current, key);
    if (!el) return;
    focusNext.current = undefined;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target: e.target as HTMLElement | null });
      if (!action) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (action === 'next' || action === 'previous') {
        const dir = action === 'next' ? 1 : -1;
        moves.current = moves.current.then(() => move(dir)).catch(() => undefined);
        return;
      }
      const { river, currentKey } = d.current;
      const item = river.items.find((it) => keyOf(it.post) === currentKey);
      d.current.act[action]?.(item?.post, item?.index);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
