import { beforeEach, describe, expect, it } from 'vitest';
import { updateFeed } from '../db/feeds';
import type { Db } from '../db/open-db';
import { commitPoll } from '../db/posts';
import { dbWithOneFeed } from '../db/test-db';
import type { ParsedItem } from '../feed/types';
import { createNotifier, noticeId, noticeTarget, type NewPostsNotice } from './notify-new-posts';

const NOW = Date.UTC(2026, 5, 1);
const item = (id: string, t = NOW): ParsedItem => ({ id, title: `Post ${id}`, url: `https://a.example/${id}`, published: t, enclosures: [], categories: [] });

let db: Db;
let feedId: string;
beforeEach(async () => {
  ({ db, feedId } = await dbWithOneFeed([item('old')], NOW));
});

function notifier(enabled: boolean) {
  const shown: NewPostsNotice[] = [];
  const n = createNotifier({ db: async () => db, enabled: async () => enabled, show: async (x) => void shown.push(x) });
  return { n, shown };
}

describe('notifications for new posts', () => {
  it('notifies once about posts first seen after notifications were turned on', async () => {
    await updateFeed(db, feedId, { notify: true }, NOW + 10);
    const { n, shown } = notifier(true);
    await n.check();
    expect(shown).toEqual([]);
    await commitPoll(db, feedId, (f) => f, [item('old'), item('new', NOW + 20)], NOW + 20);
    await n.check();
    expect(shown).toEqual([{ id: noticeId(feedId, 'https://a.example/new'), title: 'A', message: 'Post new' }]);
    await n.check();
    expect(shown).toHaveLength(1);
    await commitPoll(db, feedId, (f) => f, [item('x', NOW + 30), item('y', NOW + 31)], NOW + 40);
    await n.check();
    expect(shown[1]).toEqual({ id: noticeId(feedId, undefined), title: 'A: 2 new posts', message: '• Post y\n• Post x' });
  });

  it('stays silent when the setting is off or the feed did not ask', async () => {
    await commitPoll(db, feedId, (f) => f, [item('new', NOW + 20)], NOW + 20);
    const off = notifier(false);
    await updateFeed(db, feedId, { notify: true }, NOW);
    await off.n.check();
    expect(off.shown).toEqual([]);
    await updateFeed(db, feedId, { notify: false }, NOW);
    const on = notifier(true);
    await on.n.check();
    expect(on.shown).toEqual([]);
  });

  it('decodes what a click opens, and ignores ids that are not its own', () => {
    expect(noticeTarget(noticeId('f:1', 'https://a.example/p?x=1'))).toEqual({ feedId: 'f:1', postUrl: 'https://a.example/p?x=1' });
    expect(noticeTarget(noticeId('f', undefined))).toEqual({ feedId: 'f' });
    expect(noticeTarget(noticeId('f', 'javascript:alert(1)'))).toEqual({ feedId: 'f' });
    for (const url of ['data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'chrome://settings', 'view-source:https://a.example/']) {
      expect(noticeTarget(noticeId('f', url)), url).toEqual({ feedId: 'f' });
    }
    expect(noticeTarget('other')).toBeUndefined();
  });
});
