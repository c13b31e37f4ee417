import { render } from 'preact';
import '../../components/theme.css';
import '../../components/timeline/timeline.css';
import { preloadTimeline, TimelineApp } from '../../components/timeline/timeline-app';

preloadTimeline();

render(<TimelineApp />, document.getElementById('app') as HTMLElement);
