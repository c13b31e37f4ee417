/** A polite live region for what just happened ("Marked 42 posts read"), with Undo when it can be undone. */

import { t } from '../../lib/i18n/t';

/** Something to tell the reader. */
export interface Notice {
  id: number;
  text: string;
  undo?: () => void;
}

/** Props of NoticeBar. */
export interface NoticeBarProps {
  notice: Notice | undefined;
  onDismiss: () => void;
}

/** The live region is always in the DOM so screen readers announce what appears in it. */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  return (
    <div class={`notice${notice ? ' shown' : ''}`} role="status" aria-live="polite" data-testid="notice">
      {notice && (
        <>
          <span>{notice.text}</span>
          {notice.undo && (
            <button type="button" class="primary" data-testid="undo" onClick={notice.undo}>
              {t('common_undo')}
            </button>
          )}
          <button type="button" class="icon" aria-label={t('timeline_dismiss')} onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
