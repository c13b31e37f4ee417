/**
 * The river as Planet shows it (day headings, then runs of one feed's consecutive posts),
 * rendered as an ARIA feed over the window of pages that useRiver keeps in the DOM.
 */
import type { StoredFeed, StoredPost } from '../../lib/db/types';
import { isolateAgainst, t } from '../../lib/i18n/t';
import { uiLocale } from '../../lib/i18n/ui-locale';
import { dayHeading } from '../../lib/ui/format-time';
import { groupRiver } from '../../lib/ui/group-river';
import { Entry, type EntryActions, type ViewMode } from './entry';
import { keyOf } from './river-source';
import { alsoInShown, useAlsoIn } from './use-also-in';
import { useFeedLookup, type FeedLookup } from './use-feed-lookup';
import type { RiverItem, RiverModel } from './use-river';

let lists: Intl.ListFormat | undefined;
/** "a, b and c" in the reader's language. */
const joinNames = (names: string[]) => (lists ??= new Intl.ListFormat(uiLocale(), { type: 'conjunction' })).format(names);

/** "also in: …" of a post's copies: feeds not known yet (being read) are left out, not called gone. */
function alsoInLabel(keys: readonly [string, string][] | undefined, feedOf: FeedLookup): string | undefined {
  const names: string[] = [];
  for (const [feedId] of keys ?? []) {
    const feed = feedOf(feedId);
    if (feed !== undefined) names.push(feed ? isolateAgainst(feed.title) : t('timeline_feedGone')); // each name its own direction within the list
  }
  return names.length ? joinNames(names) : undefined;
}

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

/** Renders the window: top spacer, grouped posts, bottom spacer, a failed read with "Try again", and "Load older posts". */
export function River({ river, feeds, view, label, currentKey, expanded, overrides, now, actions }: RiverProps) {
  const byPost = new Map<StoredPost, RiverItem>(river.items.map((it) => [it.post, it]));
  useAlsoIn(river.items.map((it) => it.post));
  const feedOf = useFeedLookup(
    feeds,
    river.items.flatMap((it) => [it.post.feedId, ...(alsoInShown(it.post) ?? []).map((k) => k[0])]),
  );
  const days = groupRiver(river.items.map((it) => it.post));
  // The day heading and the feed's name are part of the first article they introduce: an
  // ARIA feed may only contain articles, and a screen reader then reads them in context.
  return (
    <>
      <div role="feed" class={`river view-${view}`} aria-label={label} aria-busy={river.busy ? 'true' : 'false'}>
        <div class="spacer" ref={river.topRef} style={{ height: `${river.topSpace}px` }} />
        {days.map((day) => (
          <section class="day" key={day.key}>
            {day.runs.map((run, r) => {
              const feed = feedOf(run.feedId) ?? undefined;
              return (
                <div class="run" key={`${run.feedId}-${keyOf(run.posts[0] ?? { feedId: '', id: String(r) })}`}>
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
                        feedTitle={feed?.title ?? t('common_unknownFeed')}
                        feedUrl={i === 0 ? feed?.siteUrl : undefined}
                        showFeed={i === 0}
                        day={r === 0 && i === 0 ? dayHeading(day.at) : undefined}
                        alsoIn={alsoInLabel(alsoInShown(post), feedOf)}
                        pageFirst={it?.pageFirst ? it.page : undefined}
                        now={now}
                        actions={actions}
                      />
                    );
                  })}
                </div>
              );
            })}
          </section>
        ))}
        <div class="spacer" ref={river.bottomRef} style={{ height: `${river.bottomSpace}px` }} />
      </div>
      {river.error && (
        // Where the reader is (it sticks to the screen's bottom): a press past the pages read may have failed deep in the river.
        <div class="error river-error" role="alert" data-testid="river-error">
          <span>{t('common_couldNotRead', { error: river.error })}</span>
          <button type="button" data-testid="river-retry" onClick={river.retry}>
            {t('timeline_readAgain')}
          </button>
        </div>
      )}
      {river.more && (
        <button type="button" class="more" onClick={() => void river.loadMore()} disabled={river.busy}>
          {t('timeline_loadOlder')}
        </button>
      )}
    </>
  );
}
