/** Reading and writing settings in extension storage (shared by the worker and the pages). */
import { browser } from 'wxt/browser';
import { normalizeSettings, type Settings } from './settings';

const KEY = 'settings';

/** The current settings, valid whatever was stored. */
export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return normalizeSettings(got[KEY]);
}

/** Saves a change to some settings; returns the result. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Calls `listener` when settings change in any context, with the settings before the change. */
export function onSettingsChange(listener: (s: Settings, before: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(normalizeSettings(changes[KEY].newValue), normalizeSettings(changes[KEY].oldValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
