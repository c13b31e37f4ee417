/** Every feed the fixture server serves, subscribed through the options page's OPML import, its first refresh done. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { waitForRefresh } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');
const urlmap = JSON.parse(readFileSync(path.join(FIXTURES, 'urlmap.json'), 'utf8')) as Record<string, string | null>;

/** The feed URLs the fixture server answers with a feed. */
export const FIXTURE_FEED_URLS = Object.keys(urlmap).filter((u) => urlmap[u]);

/** Imports an OPML of every fixture feed (as file `name`) on an open options page and waits for the refresh that follows. */
export async function subscribeToFixtures(options: Page, name: string): Promise<void> {
  const opml = `<?xml version="1.0"?><opml version="2.0"><body>${FIXTURE_FEED_URLS.map((u) => `<outline type="rss" text="${u}" xmlUrl="${u}"/>`).join('')}</body></opml>`;
  await options.getByTestId('opml-file').setInputFiles({ name, mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
  await options.getByTestId('import-report').waitFor();
  await waitForRefresh(options, 0, 120_000);
}
