/**
 * When a page's app renders: once its first screen is read, not before. Rendering the app's
 * frame while the read runs (as the timeline did after 120 ms) costs a render and a layout on
 * the page's main thread, which every extension page shares, just when the read's callbacks
 * need it: during a refresh, on a 2-core machine, that was a second render on the way to the
 * first posts. The page's HTML paints a static frame instead.
 */

/** The app renders at most this long after the module ran, whatever the read is doing. */
export const FIRST_PAGE_WAIT_MS = 1_500;

/** Calls `renderApp` once `firstPage` settles, or after `waitMs` if it has not by then; once. */
export function renderAfter(firstPage: Promise<unknown>, renderApp: () => void, waitMs = FIRST_PAGE_WAIT_MS): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    renderApp();
  };
  const timer = setTimeout(go, waitMs);
  void firstPage.then(go, go);
}
