import { render } from 'preact';
import '../../components/theme.css';
import '../../components/timeline/timeline.css';
import { preloadTimeline, TimelineApp } from '../../components/timeline/timeline-app';
import { applyUiLanguage } from '../../lib/ui/apply-ui-language';

// The module runs (bench:refresh's breakdown of the first screen: loading the script against reading).
performance.mark('orrery:module');
applyUiLanguage(document.documentElement);

// The first frame shows posts: render once the first page is read (the database is usually
// open already, see public/open-early.js), or after 120 ms if reading it is slow.
const firstPage = preloadTimeline();
void Promise.race([firstPage, new Promise((resolve) => setTimeout(resolve, 120))]).then(() =>
render(<TimelineApp />, document.getElementById('app') as HTMLElement),
);
