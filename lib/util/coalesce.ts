/**
 * Wraps an async task so bursts of calls run it at most once at a time: calls made while
 * it runs are folded into one more run after it (after `gapMs`, to throttle a burst). Used for badge updates after each of
 * 500 polls, where only the last count matters.
 */
export function coalesce(task: () => Promise<void>, opts: { gapMs?: number } = {}): () => Promise<void> {
  const gapMs = opts.gapMs ?? 0;
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        for (;;) {
          again = false;
          await task();
          if (!again) break;
          // Calls keep coming: let them pile up for a moment, then run once for all of them.
          if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  return run;
}
