/**
 * Desktop notifications are an optional permission: the browser is asked when the reader turns
 * them on (not at install), and the permission is given back when they are turned off.
 */
import { t } from '../i18n/t';
import { browser } from 'wxt/browser';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Whether the browser lets Orrery show notifications now. */
export async function canNotify(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS).catch(() => false);
}

/** Asks the browser; call it synchronously from the reader's click (browsers require the gesture). */
export function askToNotify(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS).catch(() => false);
}

/** Gives the permission back (nothing to remove when it is required, as in a test build). */
export function stopNotifying(): Promise<boolean> {
  return browser.permissions.remove(NOTIFICATIONS).catch(() => false);
}

/** What turning the setting on or off needs. */
export interface NotificationSwitchDeps {
  ask: () => Promise<boolean>;
  giveBack: () => Promise<boolean>;
  save: (on: boolean) => Promise<void>;
}

/** The outcome: the setting as saved, and why it stayed off when the browser said no. */
export interface NotificationSwitchResult {
  on: boolean;
  refused?: string;
}

/**
 * Turns notifications on (only once the browser allowed them) or off (and returns the
 * permission). `deps.ask` is called before any await: the browser's prompt needs the click.
 */
export async function switchNotifications(on: boolean, deps: NotificationSwitchDeps): Promise<NotificationSwitchResult> {
  if (!on) {
    await deps.save(false);
    await deps.giveBack();
    return { on: false };
  }
  const granted = await deps.ask();
  if (!granted) return { on: false, refused: t('worker_notificationsRefused') };
  await deps.save(true);
  return { on: true };
}
