/**
 * The river as Planet shows it (day headings, then runs of one feed's consecutive posts),
 * rendered as an ARIA feed over the window of pages that useRiver keeps in the DOM.
 */
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { dayHeading } from '../../lib/ui/format-time';
import { groupRiver } from '../../lib/ui/group-river';
import { Entry, type EntryActions, type ViewMode } from './entry';
import { keyOf } from './river-source';
import type { RiverItem, RiverModel } from './use-river';

/** Props of River. */
export interface RiverProps {
  river: RiverModel;
  feeds: Map<string, StoredFeed>;
  view: ViewMode;
  label: string;
  currentKey: string | undefined;
  expanded: ReadonlySet<string>;
  /** Local read/starred changes not yet read back from the store. */
  overrides: ReadonlyMap<string, Partial<Pick<StoredPost, 'read' | 'starred'>>>;
  now: number;
  actions: EntryActions;
}

/** Renders the window: top spacer, grouped posts, bottom spacer, and "Load older posts". */
export function River({ river, feeds, view, label, currentKey, expanded, overrides, now, actions }: RiverProps) {
  const byPost = new Map<StoredPost, RiverItem>(river.items.map((it) => [it.post, it]));
  const days = groupRiver(river.items.map((it) => it.post));
  // Where each page starts: the outermost element that begins with its first post.
  const pageStart = (post: StoredPost | undefined) => {
    const it = post && byPost.get(post);
    return it?.pageFirst ? it.page : undefined;
  };
  return (
    <>
      <div role="feed" class={`river view-${view}`} aria-label={label} aria-busy={river.busy ? 'true' : 'false'}>
        <div class="spacer" ref={river.topRef} style={{ height: `${river.topSpace}px` }} />
        {days.map((day) => {
          const dayPage = pageStart(day.runs[0]?.posts[0]);
          return (
            <section class="day" key={day.key} data-page-first={dayPage}>
              <h2 class="day-heading" data-testid="day-heading">
                {dayHeading(day.at)}
              </h2>
              {day.runs.map((run, r) => {
                const feed = feeds.get(run.feedId);
                const runPage = r === 0 ? undefined : pageStart(run.posts[0]);
                return (
                  <div class="run" key={`${run.feedId}-${keyOf(run.posts[0] ?? { feedId: '', id: String(r) })}`} data-page-first={runPage}>
                    <h3 class="feed-name" data-testid="entry-feed">
                      {feed?.siteUrl ? (
                        <a href={feed.siteUrl} target="_blank" rel="noopener noreferrer">
                          {feed.title}
                        </a>
                      ) : (
                        (feed?.title ?? 'Unknown feed')
                      )}
                    </h3>
                    {run.posts.map((post, i) => {
                      const it = byPost.get(post);
                      const key = keyOf(post);
                      const o = overrides.get(key);
                      return (
                        <Entry
                          key={key}
                          post={o ? { ...post, ...o } : post}
                          index={it?.index ?? 0}
                          setsize={river.total}
                          view={view}
                          current={key === currentKey}
                          expanded={expanded.has(key)}
                          feedTitle={feed?.title ?? ''}
                          pageFirst={i === 0 ? undefined : pageStart(post)}
                          now={now}
                          actions={actions}
                        />
                      );
                    })}
                  </div>
                );
              })}
            </section>
          );
        })}
        <div class="spacer" ref={river.bottomRef} style={{ height: `${river.bottomSpace}px` }} />
      </div>
      {river.more && (
        <button type="button" class="more" onClick={() => void river.loadMore()} disabled={river.busy}>
          Load older posts
        </button>
      )}
    </>
  );
}
