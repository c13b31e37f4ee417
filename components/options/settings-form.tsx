/** Settings: polling bounds, retention, notifications, badge, theme. Saved as they change. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askToNotify, canNotify, stopNotifying, switchNotifications } from '../../lib/notify/notification-permission';
import type { Settings } from '../../lib/settings/settings';
import { saveSettings } from '../../lib/settings/settings-store';
import { t, tn } from '../../lib/i18n/t';
import { everyText } from '../../lib/subscribe/feed-report';
import { useSettings } from '../use-settings';

const MIN_CHOICES = [15, 30, 60, 120, 180, 360, 720];
const MAX_CHOICES = [60, 180, 360, 720, 1440, 2880, 4320, 10080];
const DAY_CHOICES = [7, 30, 90, 180, 365, 730, 0];

/** The settings form. */
export function SettingsForm() {
  const stored = useSettings();
  // What the user just chose shows at once, whatever order the save and the storage
  // change event arrive in (a re-render with the old value would undo their click).
  const [draft, setDraft] = useState<Partial<Settings>>({});
  const settings: Settings = { ...stored, ...draft };
  const [status, setStatus] = useState<string | undefined>(undefined);
  const save = async (change: Partial<Settings>) => {
    setDraft((d) => ({ ...d, ...change }));
    try {
      await saveSettings(change);
      setStatus(t('options_saved'));
    } catch (err) {
      setStatus(t('options_couldNotSaveWhy', { error: err instanceof Error ? err.message : String(err) }));
    }
  };
  const num = (e: Event) => Number((e.target as HTMLSelectElement | HTMLInputElement).value);
  // Notifications are an optional permission: whether the browser grants it now, and why it said no.
  const [permitted, setPermitted] = useState<boolean | undefined>(undefined);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  useEffect(() => {
    const recheck = () => void canNotify().then(setPermitted);
    recheck();
    browser.permissions.onAdded.addListener(recheck);
    browser.permissions.onRemoved.addListener(recheck);
    return () => {
      browser.permissions.onAdded.removeListener(recheck);
      browser.permissions.onRemoved.removeListener(recheck);
    };
  }, []);
  // Called straight from the click or change handler: the browser shows its prompt only within the gesture.
  const setNotifications = (on: boolean) => {
    setRefused(undefined);
    void switchNotifications(on, { ask: askToNotify, giveBack: stopNotifying, save: (v) => save({ notifications: v }) }).then((r) => {
      if (r.refused) {
        setDraft((d) => ({ ...d, notifications: false }));
        setRefused(r.refused);
      }
      void canNotify().then(setPermitted);
    });
  };
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()} data-testid="settings">
      <fieldset>
        <legend>{t('options_checkingFeeds')}</legend>
        <p class="muted">{t('options_checkingIntro')}</p>
        <label class="field">
          <span>{t('options_minInterval')}</span>
          <select value={String(settings.minIntervalMinutes)} onChange={(e) => void save({ minIntervalMinutes: num(e) })} data-testid="setting-min-interval">
            {MIN_CHOICES.map((m) => (
              <option key={m} value={String(m)}>
                {everyText(m)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('options_maxInterval')}</span>
          <select value={String(settings.maxIntervalMinutes)} onChange={(e) => void save({ maxIntervalMinutes: num(e) })} data-testid="setting-max-interval">
            {MAX_CHOICES.filter((m) => m >= settings.minIntervalMinutes).map((m) => (
              <option key={m} value={String(m)}>
                {everyText(m)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('options_keepingPosts')}</legend>
        <p class="muted">{t('options_keepingIntro')}</p>
        <label class="field">
          <span>{t('options_postsPerFeed')}</span>
          <input type="number" min={10} max={100000} step={10} value={settings.keepPostsPerFeed} onChange={(e) => void save({ keepPostsPerFeed: num(e) })} data-testid="setting-keep-posts" />
        </label>
        <label class="field">
          <span>{t('options_keepFor')}</span>
          <select value={String(settings.keepDays)} onChange={(e) => void save({ keepDays: num(e) })} data-testid="setting-keep-days">
            {(DAY_CHOICES.includes(settings.keepDays) ? DAY_CHOICES : [...DAY_CHOICES, settings.keepDays]).map((d) => (
              <option key={d} value={String(d)}>
                {d === 0 ? t('options_keepForever') : d % 365 === 0 ? tn('options_years', d / 365) : tn('options_days', d)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('options_notifications')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.notifications} onChange={(e) => setNotifications((e.target as HTMLInputElement).checked)} data-testid="setting-notifications" /> {t('options_notifiesTitle')}
        </label>
        {refused && (
          <p class="error" role="alert" data-testid="notifications-permission" data-state="refused">
            {refused}
          </p>
        )}
        {!refused && settings.notifications && permitted === false && (
          <p class="error" role="alert" data-testid="notifications-permission" data-state="missing">
            {t('options_notificationsBlocked')}{' '}
            <button type="button" class="small" onClick={() => setNotifications(true)} data-testid="allow-notifications">
              {t('options_allowNotifications')}
            </button>
          </p>
        )}
        <p class="muted">{t('options_notificationsIntro')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('options_badge')}</legend>
        {(['count', 'dot', 'off'] as const).map((b) => (
          <label class="check" key={b}>
            <input type="radio" name="badge" value={b} checked={settings.badge === b} onChange={() => void save({ badge: b })} />{' '}
            {t(b === 'count' ? 'options_badgeCount' : b === 'dot' ? 'options_badgeDot' : 'options_badgeOff')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options_theme')}</legend>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label class="check" key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void save({ theme })} />{' '}
            {t(theme === 'system' ? 'options_themeSystem' : theme === 'light' ? 'options_themeLight' : 'options_themeDark')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options_reading')}</legend>
        <label class="check">
          <input type="checkbox" checked={settings.markReadOnScroll} onChange={(e) => void save({ markReadOnScroll: (e.target as HTMLInputElement).checked })} /> {t('options_markReadOnScroll')}
        </label>
      </fieldset>
      <p class="muted" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
