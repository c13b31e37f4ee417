import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';
import { t } from '../../lib/i18n/t';
import { uiDirection, uiLocale } from '../../lib/i18n/ui-locale';

// The page follows the browser's language: its words, its direction (right-to-left languages), its title.
document.documentElement.lang = uiLocale();
document.documentElement.dir = uiDirection();
document.title = t('options_pageTitle');
render(<OptionsApp />, document.getElementById('app') as HTMLElement);
