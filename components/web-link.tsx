/**
 * A link built from feed data: an `<a>` opening a new tab only when the URL is http(s), plain
 * text otherwise (a `data:`, `javascript:`, `file:` or `chrome:` URL is never clickable, and
 * is not shown as a dead link either).
 */
import type { ComponentChildren } from 'preact';
import { t } from '../lib/i18n/t';
import { webUrlOrUndefined } from '../lib/util/web-url';

/** What the UI says where a post's link would have opened, when it is not a web address. */
export const notWebLinkText = (): string => t('common_notWebLink');

/** Props of WebLink. */
export interface WebLinkProps {
  href: string | undefined;
  children: ComponentChildren;
  class?: string;
  testid?: string;
  download?: boolean;
}

/** `<a target=_blank rel="noopener noreferrer">` for a web URL, a `<span>` of the same content for anything else. */
export function WebLink({ href, children, class: cls, testid, download }: WebLinkProps) {
  const url = webUrlOrUndefined(href);
  if (!url) {
    return (
      <span class={cls} data-testid={testid}>
        {children}
      </span>
    );
  }
  return (
    <a class={cls} data-testid={testid} href={url} target="_blank" rel="noopener noreferrer" download={download}>
      {children}
    </a>
  );
}
