/** The user's settings in a page, kept current, with the theme applied to the document. */
import { useEffect, useState } from 'preact/hooks';
import { applyTheme } from '../lib/ui/apply-theme';
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings/settings';
import { loadSettings, onSettingsChange } from '../lib/settings/settings-store';

/** Current settings (defaults until storage answers). */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && setSettings(s), () => undefined);
    const off = onSettingsChange(setSettings);
    return () => {
      live = false;
      off();
    };
  }, []);
  useEffect(() => applyTheme(settings.theme), [settings.theme]);
  return settings;
}
