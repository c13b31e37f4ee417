/** Settings and subscriptions page. */
import { HostAccessNotice } from '../host-access-notice';
import { browser } from 'wxt/browser';
import { OpmlSection } from './opml-section';
import { PlanetExport } from './planet-export';
import { RulesSection } from './rules-section';
import { SettingsForm } from './settings-form';
import { SubscribeForm } from './subscribe-form';
import { SubscriptionList } from './subscription-list';
import { SyncSection } from './sync-section';
import { BrowserSyncSection } from './browser-sync-section';
import { t } from '../../lib/i18n/t';
import { FolderDatalist, useFolders } from './use-folders';

/** The options page. */
export function OptionsApp() {
  const folders = useFolders();
  return (
    <main class="options">
      <header class="options-head">
        <h1>{t('options_pageTitle')}</h1>
        <nav aria-label={t('options_sections')}>
          <a href="#add-h">{t('options_navAdd')}</a> <a href="#opml-h">{t('options_navOpml')}</a> <a href="#planet-h">{t('options_navPublish')}</a> <a href="#rules-h">{t('options_navRules')}</a>{' '}
          <a href="#subs-h">{t('options_navSubscriptions')}</a> <a href="#settings-h">{t('options_navSettings')}</a> <a href="#sync-h">{t('options_navSync')}</a>{' '}
          <a href={browser.runtime.getURL('/timeline.html')}>{t('options_openRiver')}</a>
        </nav>
      </header>
      <HostAccessNotice />
      <FolderDatalist folders={folders} />
      <section aria-labelledby="add-h">
        <h2 id="add-h">{t('options_navAdd')}</h2>
        <SubscribeForm />
      </section>
      <OpmlSection />
      <section aria-labelledby="planet-h">
        <h2 id="planet-h">{t('options_publishHeading')}</h2>
        <PlanetExport folders={folders} />
      </section>
      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('options_rulesHeading')}</h2>
        <RulesSection folders={folders} />
      </section>
      <section aria-labelledby="subs-h">
        <h2 id="subs-h">{t('options_navSubscriptions')}</h2>
        <SubscriptionList />
      </section>
      <section aria-labelledby="settings-h">
        <h2 id="settings-h">{t('options_navSettings')}</h2>
        <SettingsForm />
      </section>
      <SyncSection />
      <BrowserSyncSection />
    </main>
  );
}
