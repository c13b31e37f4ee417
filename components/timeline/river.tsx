/** The river: day headings, then runs of one feed's consecutive posts, as Planet shows them. */
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { dayHeading } from '../../lib/ui/format-time';
import { groupRiver } from '../../lib/ui/group-river';
import { Entry, type ViewMode } from './entry';

/** Props of River. */
export interface RiverProps {
  posts: StoredPost[];
  feeds: Map<string, StoredFeed>;
  view: ViewMode;
  onOpen: (post: StoredPost) => void;
}

/** Renders grouped posts. */
export function River({ posts, feeds, view, onOpen }: RiverProps) {
  const days = groupRiver(posts);
  return (
    <div role="feed" aria-label="Posts, newest first" class={`river view-${view}`}>
      {days.map((day) => (
        <section class="day" key={day.key} aria-label={dayHeading(day.at)}>
          <h2 class="day-heading" data-testid="day-heading">
            {dayHeading(day.at)}
          </h2>
          {day.runs.map((run, i) => {
            const feed = feeds.get(run.feedId);
            return (
              <div class="run" key={`${run.feedId}-${i}`}>
                <h3 class="feed-name" data-testid="entry-feed">
                  {feed?.siteUrl ? (
                    <a href={feed.siteUrl} target="_blank" rel="noopener noreferrer">
                      {feed.title}
                    </a>
                  ) : (
                    (feed?.title ?? 'Unknown feed')
                  )}
                </h3>
                {run.posts.map((post) => (
                  <Entry key={`${post.feedId}/${post.id}`} post={post} view={view} onOpen={onOpen} />
                ))}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}
