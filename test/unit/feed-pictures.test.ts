/** A post's picture from each way feeds give one, through the parser to what the river shows. */
import { describe, expect, it } from 'vitest';
import { toStoredPost } from '../../lib/db/commit-feed';
import { makeFeed } from '../../lib/db/feeds';
import { parseFeed } from '../../lib/feed/parse-feed';
import { postPicture } from '../../lib/ui/post-picture';

const enc = new TextEncoder();
const feed = makeFeed({ url: 'http://pics.example/feed.xml', title: 'P', firstCheckAt: 0 }, 0, 'f');

function pictures(xml: string, url = 'http://pics.example/feed.xml'): (string | undefined)[] {
  const r = parseFeed(enc.encode(xml), { url });
  if (!r.ok) throw new Error(r.error.message);
  return r.feed.items.map((it) => postPicture(toStoredPost(feed, it, undefined, 0)));
}

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>P</title>${items}</channel></rss>`;

describe('post pictures', () => {
  it('reads media:thumbnail, media:content, itunes:image, an image enclosure and the first content image, relative ones resolved (against the feed, as the parser resolves content)', () => {
    expect(
      pictures(
        rss(`<item><guid>1</guid><media:group><media:thumbnail url="/t1.jpg"/></media:group></item>
<item><guid>2</guid><media:content url="https://c.example/2.jpg" medium="image"/></item>
<item><guid>3</guid><itunes:image href="https://c.example/3.jpg"/><enclosure url="https://c.example/3.mp3" type="audio/mpeg"/></item>
<item><guid>4</guid><enclosure url="https://c.example/4.png" type="image/png" length="10"/></item>
<item><guid>5</guid><description>&lt;p&gt;Hi&lt;/p&gt;&lt;img src="img/5.jpg"&gt;</description><link>http://pics.example/posts/5/</link></item>
<item><guid>6</guid><description>No picture at all.</description></item>`),
      ),
    ).toEqual(['http://pics.example/t1.jpg', 'https://c.example/2.jpg', 'https://c.example/3.jpg', 'https://c.example/4.png', 'http://pics.example/img/5.jpg', undefined]);
  });

  it('reads Atom media:thumbnail (YouTube) and JSON Feed image', () => {
    expect(pictures(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>Y</title><entry><id>y1</id><title>V</title><media:group><media:thumbnail url="https://i.example/v.jpg" width="480" height="360"/></media:group></entry></feed>`)).toEqual(['https://i.example/v.jpg']);
    expect(pictures(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: 'j1', image: 'https://i.example/j.jpg', content_text: 'x' }] }), 'https://j.example/feed.json')).toEqual(['https://i.example/j.jpg']);
  });

  it('never gives a non-web address', () => {
    expect(pictures(rss(`<item><guid>1</guid><media:thumbnail url="javascript:alert(1)"/><description>&lt;img src="data:image/png;base64,AAAA"&gt;</description></item>`))).toEqual([undefined]);
  });
});
