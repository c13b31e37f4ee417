import { render } from 'preact';
import '../../components/theme.css';
import '../../components/timeline/timeline.css';
import { preloadTimeline, TimelineApp } from '../../components/timeline/timeline-app';
import { applyUiLanguage } from '../../lib/ui/apply-ui-language';
import { renderAfter } from '../../lib/ui/render-after';

// The module runs (bench:refresh's breakdown of the first screen: loading the script against reading).
performance.mark('orrery:module');
applyUiLanguage(document.documentElement);

// The first frame the app renders shows posts: it renders once the first page is read (the
// database is usually open already, see public/open-early.js). Meanwhile the page shows the
// bar of timeline.html, painted with no script. A read slower than FIRST_PAGE_WAIT_MS (one
// that cannot end) does not keep the app from rendering.
const app = document.getElementById('app') as HTMLElement;
renderAfter(preloadTimeline(), () => {
  app.replaceChildren();
  render(<TimelineApp />, app);
});
