/** What the toolbar badge says for an unread count. */

/** Badge styles the user can choose. */
export type BadgeStyle = 'count' | 'dot' | 'off';

/** The badge text for `unread` posts in a style ('' hides the badge). */
export function badgeText(unread: number, style: BadgeStyle = 'count'): string {
  if (style === 'off' || unread <= 0) return '';
  if (style === 'dot') return '•';
  return unread > 9999 ? '9999+' : String(unread);
}
