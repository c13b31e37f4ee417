/** index.html and titles.html of an exported Planet: static pages, no script, sanitized content only. */
import type { StoredFeed, StoredPost } from '../db/types';
import { escapeMarkup } from './escape-markup';
import { webUrlOrUndefined } from '../util/web-url';
import { utcDay, utcDayKey, utcTime } from './export-dates';
import { groupRiver } from '../ui/group-river';
import type { PlanetSource } from './planet-types';

// No script may run in the exported page even if a browser bug let markup through the
// sanitizer: the page's own policy allows no script at all and loads media only over http(s).
const CSP = "default-src 'none'; img-src http: https:; media-src http: https:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8ea;background:#16161a}a{color:#8ab4ff}}
h2.day{border-bottom:2px solid currentColor;margin-top:2rem}h3.feed{margin:1.5rem 0 .25rem}
article{margin:0 0 1.5rem}article h4{margin:.25rem 0;font-size:1.15rem}.content{overflow-wrap:anywhere}
.content img,.content video{max-width:100%;height:auto}.content pre{overflow:auto}.meta{color:#666;font-size:.9rem}
ul.titles{list-style:none;padding:0}ul.titles li{margin:.25rem 0}nav a{margin-right:1rem}`;

const e = escapeMarkup;

function head(title: string, heading: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Orrery">',
    `<title>${e(title)}</title>`,
    `<link rel="alternate" type="application/rss+xml" title="${e(heading)} (RSS 2.0)" href="rss20.xml">`,
    `<link rel="alternate" type="application/atom+xml" title="${e(heading)} (Atom)" href="atom.xml">`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
  ].join('\n');
}

function header(src: PlanetSource, other: { href: string; label: string }): string {
  const at = new Date(src.now).toISOString();
  return [
    '<header>',
    `<h1>${e(src.title)}</h1>`,
    `<p>Last update: <time datetime="${at}">${e(utcTime(src.now))}</time></p>`,
    `<nav><a href="${other.href}">${e(other.label)}</a> <a href="rss20.xml">RSS 2.0</a> <a href="atom.xml">Atom</a> <a href="opml.xml">Subscriptions (OPML)</a></nav>`,
    '</header>',
  ].join('\n');
}

/** A link when `url` is http(s), else the text alone. */
function link(url: string | undefined, text: string): string {
  const href = webUrlOrUndefined(url);
  return href ? `<a href="${e(href)}">${text}</a>` : text;
}

function feedName(feed: StoredFeed | undefined): string {
  return feed?.title || feed?.url || 'Unknown feed';
}

function postTime(post: StoredPost): string {
  return `<time datetime="${new Date(post.sortKey).toISOString()}">${e(utcTime(post.sortKey))}</time>`;
}

function subscriptions(src: PlanetSource): string {
  const items = [...src.feeds.values()]
    .sort((a, b) => feedName(a).localeCompare(feedName(b)))
    .map((f) => {
      const feedLink = webUrlOrUndefined(f.url);
      return `<li>${link(f.siteUrl, e(feedName(f)))}${feedLink ? ` (<a href="${e(feedLink)}">feed</a>)` : ''}</li>`;
    });
  return ['<aside aria-labelledby="subs-h">', '<h2 id="subs-h">Subscriptions</h2>', '<ul>', ...items, '</ul>', '</aside>'].join('\n');
}

/** The Planet page: day headings, each feed's consecutive posts under its name, content, time and author. */
export function renderPlanetHtml(src: PlanetSource): string {
  const out: string[] = [head(src.title, src.title), header(src, { href: 'titles.html', label: 'Titles only' }), '<main>'];
  for (const day of groupRiver(src.posts, utcDayKey)) {
    out.push('<section class="day">', `<h2 class="day">${e(utcDay(day.at))}</h2>`);
    for (const run of day.runs) {
      const feed = src.feeds.get(run.feedId);
      out.push('<section class="feed">', `<h3 class="feed">${link(feed?.siteUrl, e(feedName(feed)))}</h3>`);
      for (const post of run.posts) {
        const content = src.contentOf(post);
        out.push(
          '<article>',
          `<h4>${link(post.url, e(post.title || '(untitled)'))}</h4>`,
          ...(content ? [`<div class="content">${content}</div>`] : []),
          `<p class="meta">${post.author ? `by ${e(post.author)} · ` : ''}${link(post.url, postTime(post))}</p>`,
          '</article>',
        );
      }
      out.push('</section>');
    }
    out.push('</section>');
  }
  out.push('</main>', subscriptions(src), '</body>', '</html>', '');
  return out.join('\n');
}

/** The "Titles only" page: day headings, then one line per post with its feed and time. */
export function renderTitlesHtml(src: PlanetSource): string {
  const out: string[] = [head(`${src.title}: titles only`, src.title), header(src, { href: 'index.html', label: 'Full posts' }), '<main>'];
  for (const day of groupRiver(src.posts, utcDayKey)) {
    out.push('<section class="day">', `<h2 class="day">${e(utcDay(day.at))}</h2>`, '<ul class="titles">');
    for (const run of day.runs) {
      const name = e(feedName(src.feeds.get(run.feedId)));
      for (const post of run.posts) {
        out.push(`<li>${link(post.url, e(post.title || '(untitled)'))} <span class="meta">${name} · ${postTime(post)}</span></li>`);
      }
    }
    out.push('</ul>', '</section>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}
