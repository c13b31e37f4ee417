import { render } from 'preact';
import '../../components/theme.css';
import '../../components/timeline/timeline.css';
import { TimelineApp } from '../../components/timeline/timeline-app';

render(<TimelineApp />, document.getElementById('app') as HTMLElement);
