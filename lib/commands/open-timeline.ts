/**
 * The "open the timeline" keyboard shortcut (manifest `commands`): focuses the timeline when a
 * tab already shows it (any feed or folder of it), else opens it in a new tab.
 */

/** The tab fields this needs (the extension sees its own pages' addresses without `tabs`). */
interface TabLike {
  id?: number;
  windowId?: number;
  url?: string;
  active?: boolean;
  lastAccessed?: number;
}

/** The browser APIs it uses, so a test can hand in fakes. */
export interface OpenTimelineDeps {
  timelineUrl: string;
  tabs: {
    query(q: Record<string, never>): Promise<TabLike[]>;
    update(id: number, props: { active: true }): Promise<unknown>;
    create(props: { url: string }): Promise<TabLike>;
  };
  windows: { update(id: number, props: { focused: true }): Promise<unknown> };
}

/** The command's name in the manifest. */
export const OPEN_TIMELINE_COMMAND = 'open-timeline';

/** Focuses the most recently used timeline tab, or opens one; returns its tab id. */
export async function openTimeline(deps: OpenTimelineDeps): Promise<number | undefined> {
  const open = (await deps.tabs.query({}))
    .filter((t) => t.id !== undefined && t.url !== undefined && (t.url === deps.timelineUrl || t.url.startsWith(`${deps.timelineUrl}#`) || t.url.startsWith(`${deps.timelineUrl}?`)))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (open?.id === undefined) return (await deps.tabs.create({ url: deps.timelineUrl })).id;
  await deps.tabs.update(open.id, { active: true });
  if (open.windowId !== undefined) await deps.windows.update(open.windowId, { focused: true });
  return open.id;
}
