/**
 * Tells the reader when Orrery may not reach websites (site access withheld or withdrawn) and
 * asks for it with one click. Hidden while access is granted; follows changes made elsewhere.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../lib/i18n/t';
import { hasHostAccess, requestHostAccess } from '../lib/permissions/host-access';

/** The notice and its button (nothing while Orrery has access to every site). */
export function HostAccessNotice() {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const check = () =>
      void hasHostAccess(browser.permissions)
        .then(setGranted)
        .catch(() => setGranted(true));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  if (granted !== false) return null;
  const ask = () => {
    // The request comes first in the click handler: Firefox accepts it only from a user gesture.
    void requestHostAccess(browser.permissions)
      .then((ok) => {
        setRefused(!ok);
        if (ok) setGranted(true);
      })
      .catch(() => setRefused(true));
  };
  return (
    <div class="host-access" role="alert" data-testid="host-access-missing">
      <p>
        <strong>{t('host_cannotReach')}</strong> {t('host_why')}
      </p>
      <button type="button" class="primary" data-testid="grant-host-access" onClick={ask}>
        {t('host_allow')}
      </button>
      {refused && <p class="muted">{t('host_refused')}</p>}
    </div>
  );
}
