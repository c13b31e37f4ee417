/**
 * A synthetic RSS 2.0 feed of about `targetBytes`, shaped like a real blog feed (what the
 * fixtures look like): per item a title with an entity, link, guid, RFC 822 date, dc:creator,
 * an escaped text excerpt and ~3 KB of CDATA HTML with mostly absolute links, one relative link
 * and one relative image. Deterministic, so benchmark runs compare like with like.
 */
export function generateRssFeed(targetBytes: number): Uint8Array {
  const head =
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n<title>Generated &amp; Large</title>\n' +
    '<link>https://generated.example/</link>\n<description>A generated feed for size and speed tests</description>\n';
  const paragraph =
    '<p>Python’s standard library covers the whole pipeline, from making a <a href="https://docs.python.org/3/library/smtplib.html">server connection</a> ' +
    'to building the message &amp; sending it to one or many recipients. This tutorial walks through every step in working code, ' +
    'with <code>EmailMessage</code> and <em>friends</em>.</p>\n';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes; i++) {
    const date = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toUTCString();
    const html =
      `<h2>Part ${i}</h2>\n${paragraph.repeat(6)}<p>See <a href="/posts/${i - 1}/">the previous post</a>.</p>\n` +
      `<figure><img src="/images/${i}.png" alt="diagram ${i}"></figure>\n${paragraph.repeat(4)}`;
    const item =
      `<item>\n<title>Post ${i}: sending e-mail &amp; more</title>\n<link>https://generated.example/posts/${i}/</link>\n` +
      `<guid isPermaLink="true">https://generated.example/posts/${i}/</guid>\n<pubDate>${date}</pubDate>\n` +
      `<dc:creator>Author ${i % 7}</dc:creator>\n<description>Python&#8217;s standard library covers the whole pipeline, from making a server ` +
      `connection to building the message &amp;amp; sending it&#8230;</description>\n<content:encoded><![CDATA[${html}]]></content:encoded>\n</item>\n`;
    parts.push(item);
    size += item.length;
  }
  parts.push('</channel>\n</rss>\n');
  return new TextEncoder().encode(parts.join(''));
}
