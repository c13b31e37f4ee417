/** Feed HTML on screen: the only place that sets innerHTML, and only with sanitized markup. */
import { useMemo } from 'preact/hooks';
import { sanitizeHtml } from '../../lib/sanitize/sanitize-html';

/** Props of EntryContent. */
export interface EntryContentProps {
  html: string;
  baseUrl?: string;
}

/** Renders a post's content through the one DOMPurify configuration. */
export function EntryContent({ html, baseUrl }: EntryContentProps) {
  const clean = useMemo(() => sanitizeHtml(html, baseUrl ? { baseUrl } : {}), [html, baseUrl]);
  return <div class="content" data-testid="entry-content" dangerouslySetInnerHTML={{ __html: clean }} />;
}
