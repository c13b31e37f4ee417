/** The "mark read on scroll" setting: posts whose end scrolls above the top bar are marked read, in batches. */
import { useEffect, useRef } from 'preact/hooks';

/** Observes the articles in `root` while `enabled`; calls `onPassed` with the keys of unread posts scrolled past. */
export function useMarkOnScroll(
  root: { current: HTMLElement | null },
  enabled: boolean,
  topInset: number,
  onPassed: (keys: [string, string][]) => void,
): void {
  const cb = useRef(onPassed);
  cb.current = onPassed;
  const io = useRef<IntersectionObserver | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let queue: [string, string][] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const el = e.target as HTMLElement;
          const passed = !e.isIntersecting && e.boundingClientRect.bottom <= (e.rootBounds?.top ?? topInset) + 1;
          if (passed && el.dataset.read === 'false') queue.push([el.dataset.feedId ?? '', el.dataset.entryId ?? '']);
        }
        if (queue.length && timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            const keys = queue;
            queue = [];
            cb.current(keys);
          }, 400);
        }
      },
      { rootMargin: `-${Math.round(topInset)}px 0px 0px 0px`, threshold: 0 },
    );
    io.current = observer;
    return () => {
      observer.disconnect();
      io.current = undefined;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [enabled, topInset]);
  // Articles come and go with the window: observe whatever is there after each render.
  useEffect(() => {
    const observer = io.current;
    if (!observer || !root.current) return;
    for (const el of root.current.querySelectorAll('article[data-entry-id]')) observer.observe(el);
  });
}
