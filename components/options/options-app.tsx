/** Settings and subscriptions page. */
import { browser } from 'wxt/browser';
import { OpmlSection } from './opml-section';
import { SubscribeForm } from './subscribe-form';
import { SubscriptionList } from './subscription-list';

/** The options page. */
export function OptionsApp() {
  return (
    <main class="options">
      <h1>Orrery: subscriptions</h1>
      <p>
        <a href={browser.runtime.getURL('/timeline.html')}>Open the river</a>
      </p>
      <section aria-labelledby="add-h">
        <h2 id="add-h">Add a feed</h2>
        <SubscribeForm />
      </section>
      <OpmlSection />
      <section aria-labelledby="subs-h">
        <h2 id="subs-h">Subscriptions</h2>
        <SubscriptionList />
      </section>
    </main>
  );
}
