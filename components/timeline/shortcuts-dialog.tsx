/** The "?" dialog: every keyboard shortcut, from the same table the key handler uses. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { SHORTCUTS } from '../../lib/ui/keyboard-shortcuts';

/** Props of ShortcutsDialog. */
export interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
}

/** A modal <dialog> (focus trapped and restored by the browser; Escape closes it). */
export function ShortcutsDialog({ open, onClose }: ShortcutsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} class="shortcuts" aria-labelledby="shortcuts-h" data-testid="shortcuts-dialog" onClose={onClose}>
      <h2 id="shortcuts-h">{t('timeline_shortcuts')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('timeline_shortcutKey')}</th>
            <th scope="col">{t('timeline_shortcutDoes')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ` ${t('timeline_shortcutOr')} `}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.description)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t('timeline_shortcutsOff')}</p>
      <form method="dialog">
        <button type="submit" class="primary" autofocus>
          {t('common_close')}
        </button>
      </form>
    </dialog>
  );
}
