import { render } from 'preact';
import '../../components/theme.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/popup-app';
import { applyUiLanguage } from '../../lib/ui/apply-ui-language';

// The module runs (bench:refresh's breakdown of the first screen: loading the script against reading).
performance.mark('orrery:module');
applyUiLanguage(document.documentElement);
render(<PopupApp />, document.getElementById('app') as HTMLElement);
