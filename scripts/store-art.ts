/**
 * The HTML that scripts/store-assets.ts renders around the real screens: the blog page the popup
 * is shown over, the browser frame that holds page and popup, and the 440x280 promo tile.
 */

/** Light or dark, as the browser's prefers-color-scheme. */
export type Scheme = 'light' | 'dark';

/** A PNG as a data: URL, for the composed pages (they load nothing from the network). */
export const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

/** The page the popup is shown over: a blog post (served by the fixture server) that announces its feeds. */
export function blogPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes on packaging</title>
<meta name="color-scheme" content="light dark">
<link rel="alternate" type="application/rss+xml" title="WP Blog &raquo; Feed" href="/feed/">
<link rel="alternate" type="application/atom+xml" title="WP Blog &raquo; Atom" href="/feed/atom/">
<style>
body { margin: 0; font: 18px/1.6 Georgia, 'DejaVu Serif', serif; background: #fff; color: #222; }
header { padding: 18px 10%; border-bottom: 1px solid #ddd; font: 600 20px system-ui, sans-serif; }
main { max-width: 680px; margin: 40px auto; padding: 0 24px; }
h1 { font-size: 38px; line-height: 1.2; margin: 0 0 8px; }
.meta { color: #777; font: 15px system-ui, sans-serif; margin-bottom: 28px; }
pre { background: #f4f4f4; padding: 12px 16px; font-size: 15px; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1b22; color: #ddd; } header { border-color: #333; } pre { background: #2a2a33; } .meta { color: #999; }
}
</style></head><body>
<header>WP Blog</header>
<main><h1>Notes on packaging a small Python library</h1>
<p class="meta">Posted on 28 November by Ada</p>
<p>Most of what makes a library pleasant to install is decided before the first line of code:
its name, its layout, and the one file that says how to build it.</p>
<pre>[project]
name = "tidy-notes"
requires-python = ">=3.10"</pre>
<p>With that in place, building a wheel is one command, and publishing it is another. The rest of
this post walks through the choices that are left: versions, extras and entry points.</p>
<p>Versions first. A library that follows the calendar is easy to reason about for its users.</p>
</main></body></html>`;
}

/** A 1280x800 browser window: toolbar with the address and Orrery's button, the page, the popup open under the button. */
export function framedPopup(o: { scheme: Scheme; page: Buffer; popup: Buffer; popupHeight: number; icon: Buffer; address: string }): string {
  const dark = o.scheme === 'dark';
  const bar = dark ? '#2b2a33' : '#f0f0f4';
  const field = dark ? '#1c1b22' : '#fff';
  const text = dark ? '#fbfbfe' : '#15141a';
  return `<!doctype html><html><head><meta charset="utf-8"><style>
* { box-sizing: border-box; }
body { margin: 0; width: 1280px; height: 800px; overflow: hidden; background: ${bar}; font: 14px system-ui, 'DejaVu Sans', sans-serif; position: relative; }
.toolbar { height: 48px; display: flex; align-items: center; gap: 12px; padding: 0 12px; background: ${bar}; border-bottom: 1px solid ${dark ? '#000' : '#ccc'}; }
.dot { width: 12px; height: 12px; border-radius: 50%; background: ${dark ? '#5b5b66' : '#c2c2c8'}; }
.address { flex: 1; height: 32px; border-radius: 6px; background: ${field}; color: ${text}; display: flex; align-items: center; padding: 0 12px; }
.button { width: 32px; height: 32px; border-radius: 6px; display: grid; place-items: center; background: ${dark ? '#52525e' : '#e0e0e6'}; }
.page { display: block; width: 1280px; height: 752px; }
.popup { position: absolute; top: 44px; right: 8px; width: 380px; height: ${o.popupHeight}px; border-radius: 8px; overflow: hidden;
  box-shadow: 0 8px 32px rgba(0, 0, 0, ${dark ? 0.7 : 0.3}), 0 0 0 1px rgba(0, 0, 0, 0.15); }
.popup img { display: block; }
</style></head><body>
<div class="toolbar"><span class="dot"></span><span class="dot"></span><span class="dot"></span>
<div class="address">${o.address}</div><div class="button"><img src="${dataUrl(o.icon)}" width="20" height="20" alt=""></div></div>
<img class="page" src="${dataUrl(o.page)}" alt="">
<div class="popup"><img src="${dataUrl(o.popup)}" width="380" alt=""></div>
</body></html>`;
}

/** The 440x280 promo tile: the icon, the name, what it is. */
export function promoTile(o: { icon: Buffer; summary: string }): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; width: 440px; height: 280px; overflow: hidden; display: flex; align-items: center; gap: 24px; padding: 0 32px; box-sizing: border-box;
  background: linear-gradient(135deg, #fbfaf7 30%, #dfe5fb); color: #24347a; font-family: system-ui, 'DejaVu Sans', sans-serif; }
img { flex: none; filter: drop-shadow(0 4px 10px rgba(36, 52, 122, 0.35)); }
h1 { margin: 0 0 10px; font-size: 46px; font-weight: 700; letter-spacing: 0.5px; }
p { margin: 0; font-size: 17px; line-height: 1.35; color: #3b4466; }
</style></head><body>
<img src="${dataUrl(o.icon)}" width="128" height="128" alt="">
<div><h1>Orrery</h1><p>${o.summary}</p></div>
</body></html>`;
}
