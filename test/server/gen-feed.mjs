// Generated feeds for the ingest bench: `/gen/<feed>/<n>.xml` is an RSS 2.0 document of the
// feed's newest `n` posts at the server's current step (step s carries posts (s-1)·n … s·n-1,
// so each step brings n new posts per feed and drops the n before). Deterministic: the same
// feed, post and step always give the same bytes. Posts are sized like Planet Python's
// (content HTML of 1-16 KB, ~6 KB on average, with paragraphs, code, links and a table).

const WORDS =
  'python async await generator decorator closure pytest fixture django flask numpy pandas typing dataclass asyncio context manager iterator comprehension lambda package wheel virtualenv interpreter bytecode garbage collector unicode regex sqlite http server request response'.split(
    ' ',
  );

/** A small seeded PRNG (the same LCG as the seeded bench store). */
function prng(seed) {
  let s = seed & 0x7fffffff;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The URL path of a generated feed. */
export function genPath(feed, n) {
  return `/gen/${feed}/${n}.xml`;
}

function post(feed, j, host, base) {
  const rand = prng(feed * 100_003 + j * 7919 + 1);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)];
  const sentence = (k) => Array.from({ length: k }, pick).join(' ');
  const title = `${sentence(3 + Math.floor(rand() * 5))} (${feed}.${j})`;
  const url = `http://${host}/posts/${j}.html`;
  // Content size: mostly 2-6 KB, a tail of long articles up to ~16 KB.
  const target = 1000 + Math.floor(rand() ** 2 * 15_000);
  let html = '';
  for (let b = 0; html.length < target; b++) {
    if (b % 5 === 2) html += `<pre><code>def ${pick()}_${b}(x):\n    return ${pick()}(x)  # ${esc(sentence(6))}</code></pre>`;
    else if (b % 11 === 7) html += `<table><tr><th>${pick()}</th><th>${pick()}</th></tr><tr><td>${sentence(3)}</td><td>${sentence(3)}</td></tr></table>`;
    else html += `<p>${sentence(30 + Math.floor(rand() * 40))} <a href="http://${host}/posts/${Math.max(0, j - b - 1)}.html">${pick()}</a>.</p>`;
  }
  const summary = `${sentence(30)}…`;
  const published = new Date(base + j * 3_600_000 + feed * 60_000).toUTCString();
  return `<item><title>${esc(title)}</title><link>${url}</link><guid isPermaLink="true">${url}</guid><pubDate>${published}</pubDate><author>author${feed}@${host} (Author ${feed})</author><category>${pick()}</category><description>${esc(summary)}</description><content:encoded><![CDATA[${html}]]></content:encoded></item>`;
}

/**
 * The document of `feed` with `n` posts per step at `step` (0: no posts yet), and its
 * validator. Post j is published j hours after `base` (epoch ms; feeds staggered by minutes).
 */
export function genFeed(feed, n, step, host, base) {
  const items = [];
  for (let j = step * n - 1; j >= Math.max(0, (step - 1) * n); j--) items.push(post(feed, j, host, base));
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Generated blog ${feed}</title><link>http://${host}/</link><description>Feed ${feed} of the ingest bench</description>${items.join('')}</channel></rss>`;
  return { body: Buffer.from(body), etag: `"gen-${feed}-${n}-${step}-${base}"` };
}

// The documents of one step, kept: generating a step of 200 feeds x 100 posts takes ~11 s of this
// process's CPU (136 MB of XML), which the ingest bench used to spend during the timed refresh, on
// the cores the browser under test shares. Only the newest (n, step, base) is kept.
let cached = { key: '', docs: new Map() };

/** genFeed, from the cache of the current step when warmGen (or an earlier request) made it. */
export function genFeedCached(feed, n, step, host, base) {
  const key = `${n}/${step}/${base}`;
  if (cached.key !== key) cached = { key, docs: new Map() };
  const id = `${feed}@${host}`;
  let doc = cached.docs.get(id);
  if (!doc) cached.docs.set(id, (doc = genFeed(feed, n, step, host, base)));
  return doc;
}

/** Generates the documents of feeds 0..feeds-1 at `step` ahead of their requests (host of feed f: hostOf(f)). */
export function warmGen(feeds, n, step, hostOf, base) {
  for (let f = 0; f < feeds; f++) genFeedCached(f, n, step, hostOf(f), base);
}
