/** Who may send what: pages may ask anything, content scripts may only report feeds. */

/** The parts of a message sender the check reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Where a message came from. */
export type SenderKind = 'page' | 'content' | 'foreign';

/** Classifies a sender against this extension's id and origin. */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  if (sender.tab?.id !== undefined) return 'content';
  return 'foreign';
}
