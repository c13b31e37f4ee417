import type { Config } from 'dompurify';

/**
 * THE DOMPurify configuration for feed content. An allowlist: anything not named here is
 * removed (its text kept). What is deliberately absent, and why:
 * - script, event handlers: code execution; DOMPurify removes them in any configuration.
 * - style element and attribute: a CSS background loads like a tracking pixel, and positioned
 *   boxes can draw over Orrery's own UI (fake buttons, covered controls).
 * - form, input, button, select, textarea: phishing forms inside a trusted extension page.
 * - iframe, frame, object, embed, applet: foreign documents and plugins in an extension page.
 * - link, meta, base: stylesheets, refresh redirects, and rebasing every relative URL.
 * - svg, math: large attack surface (mXSS history) for little value in feed posts.
 * - target, name, data-*: new-tab behaviour is ours to set; `name` enables DOM clobbering.
 * - poster, autoplay, preload: media loads nothing until the reader presses play (a fetch is a
 *   read receipt); a poster image would load with the post, so there is none. A <track>'s src
 *   is deferred by the hooks (see post-media.ts).
 */
export const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS: [
    'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'big', 'blockquote',
    'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
    'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i',
    'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
    'section', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
    'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
  ],
  ALLOWED_ATTR: [
    'abbr', 'align', 'alt', 'cite', 'class', 'colspan', 'controls', 'datetime', 'default', 'dir', 'headers',
    'height', 'href', 'id', 'kind', 'label', 'lang', 'loop', 'media', 'muted', 'open', 'playsinline',
    'reversed', 'rowspan', 'scope', 'sizes', 'span', 'src', 'srclang', 'srcset', 'start',
    'title', 'type', 'valign', 'value', 'width',
  ],
  ALLOW_DATA_ATTR: false,
  // Only these schemes (or relative URLs) survive in href/src/cite; javascript:, vbscript:
  // and data: do not (data:image for <img src> is let through by the attribute hook).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|ftp):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  // Ids get a "user-content-" prefix so a post cannot clobber the page's own ids; in-post
  // fragment links are rewritten to match by the attribute hook.
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  // Elements whose content is dropped with them: DOMPurify's default list minus iframe. An
  // iframe's content is one raw-text node (fallback text, "safe<iframe> description" in
  // feedparser's corpus); kept, it can only ever be escaped text.
  FORBID_CONTENTS: [
    'annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'math', 'mi', 'mn', 'mo', 'ms',
    'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg',
    'template', 'thead', 'title', 'video', 'xmp',
  ],
};
