// Conformance adapter: maps Orrery's parseFeed output to the corpus' normalized shape
// (see ../shared/corpus/README.md). Run with tsx so the TypeScript import resolves:
//   node --import tsx ../shared/corpus/check.mjs test/conformance/adapter.mjs --skip sanitize
import { parseFeed } from '../../lib/feed/parse-feed.ts';

// Dates are reported at whole seconds, the corpus' precision: its expectations come from a parser
// whose dates cannot hold a fraction of a second (Python's struct_time), so "…55.1234Z" is
// expected as "…55Z". Orrery keeps milliseconds (lib/date); see REJECTED.md.
const iso = (ms) => (ms === undefined ? null : new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString());

/** Same signature as every corpus adapter; a failed parse yields null (nothing usable). */
export async function parse(bytes, { url, contentType } = {}) {
  const result = parseFeed(bytes, { url: url ?? '', contentType });
  if (!result.ok) return null;
  const { feed } = result;
  return {
    title: feed.title,
    link: feed.siteUrl ?? null,
    items: feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.url ?? null,
      published: iso(item.published),
      updated: iso(item.updated),
      author: item.author ?? null,
      summary: item.summary ?? null,
      content: item.contentHtml ?? null,
      enclosures: item.enclosures.map((e) => ({ url: e.url, type: e.type ?? null, length: e.length ?? null })),
    })),
  };
}
