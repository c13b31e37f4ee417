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
import { FolderDatalist, useFolders } from './use-folders';

/** The options page. */
export function OptionsApp() {
  const folders = useFolders();
  return (
    <main class="options">
      <header class="options-head">
        <h1>Orrery: subscriptions and settings</h1>
        <nav aria-label="Sections">
          <a href="#add-h">Add a feed</a> <a href="#opml-h">Import and export</a> <a href="#planet-h">Publish</a> <a href="#rules-h">Rules</a> <a href="#subs-h">Subscriptions</a> <a href="#settings-h">Settings</a> <a href="#sync-h">Sync</a>{' '}
          <a href={browser.runtime.getURL('/timeline.html')}>Open the river</a>
        </nav>
      </header>
      <HostAccessNotice />
      <FolderDatalist folders={folders} />
      <section aria-labelledby="add-h">
        <h2 id="add-h">Add a feed</h2>
        <SubscribeForm />
      </section>
      <OpmlSection />
      <section aria-labelledby="planet-h">
        <h2 id="planet-h">Publish your Planet</h2>
        <PlanetExport folders={folders} />
      </section>
      <section aria-labelledby="rules-h">
        <h2 id="rules-h">Rules: mute and highlight</h2>
        <RulesSection folders={folders} />
      </section>
      <section aria-labelledby="subs-h">
        <h2 id="subs-h">Subscriptions</h2>
        <SubscriptionList />
      </section>
      <section aria-labelledby="settings-h">
        <h2 id="settings-h">Settings</h2>
        <SettingsForm />
      </section>
      <SyncSection />
      <BrowserSyncSection />
    </main>
  );
}
