/** The "?" dialog: every keyboard shortcut, from the same table the key handler uses. */
import { useEffect, useRef } from 'preact/hooks';
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
      <h2 id="shortcuts-h">Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">Shortcuts are off while you type in the search box; Escape leaves it.</p>
      <form method="dialog">
        <button type="submit" class="primary" autofocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
