/** The theme setting on a page: "system" follows prefers-color-scheme, "light"/"dark" override it. */
import type { Settings } from '../settings/settings';

/** Sets (or clears) the root's data-theme, which theme.css reads. */
export function applyTheme(theme: Settings['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
