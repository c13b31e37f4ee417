// Bundled into the bench page by scripts/bench-storage.ts: the real storage code, exposed
// on globalThis so the bench can call it inside Chromium's IndexedDB.
import { addFeeds } from '../lib/db/feeds';
import { openOrreryDb } from '../lib/db/open-db';
import { commitPoll, markAllRead, setRead, setStarred } from '../lib/db/posts';
import { countUnread, countUnreadByFeed, countUnreadInFolder, queryPosts } from '../lib/db/queries';

Object.assign(globalThis, {
  orreryStorage: { addFeeds, openOrreryDb, commitPoll, markAllRead, setRead, setStarred, countUnread, countUnreadByFeed, countUnreadInFolder, queryPosts },
});
