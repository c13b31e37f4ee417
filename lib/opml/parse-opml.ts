import { XMLParser } from 'fast-xml-parser';
import { t, type MessageKey } from '../i18n/t';
import { cleanText } from './clean-text';
import { decodeXmlEntities } from './decode-xml-entities';
import { normalizeFeedUrl } from './normalize-feed-url';
import { parseWebUrl } from '../util/web-url';
import type { OpmlFeed, OpmlInvalidEntry, OpmlResult } from './types';

const ATTRS = '@attrs';
// Outline types that name something other than a feed (a web page, another OPML file).
const NON_FEED_TYPES = new Set(['link', 'include', 'html', 'redirect']);
// A Map, not an object: root names come from the file, and 'constructor' must not hit the prototype.
const FEED_ROOTS = new Map<string, MessageKey>([
  ['rss', 'opml_rootRss'],
  ['feed', 'opml_rootAtom'],
  ['rdf:rdf', 'opml_rootRdf'],
]);

let parser: XMLParser | undefined;

/** One parser configuration, created on first use (lenient: real OPML exports are often sloppy XML). */
function getParser(): XMLParser {
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: ATTRS,
    allowBooleanAttributes: true,
    // No DTD entity expansion on untrusted files; decodeXmlEntities handles the standard ones.
    processEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    transformTagName: (name) => name.toLowerCase(),
    isArray: (name) => name === 'outline',
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser;
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attribute values by lower-cased name (xmlUrl, xmlurl and XMLURL all occur in the wild). */
function attributesOf(node: Rec): Map<string, string> {
  const out = new Map<string, string>();
  const raw = node[ATTRS];
  if (!isRecord(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string') out.set(name.toLowerCase(), decodeXmlEntities(value));
  }
  return out;
}

function childOutlines(node: Rec): Rec[] {
  const list = node.outline;
  return Array.isArray(list) ? list.filter(isRecord) : [];
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(decodeXmlEntities(value)) || undefined;
  if (isRecord(value)) return textOf(value['#text']);
  return undefined;
}

/** An outline's htmlUrl when it is an absolute http(s) URL (it becomes a link on the options page). */
function siteUrlOf(raw: string | undefined): string | undefined {
  return parseWebUrl(raw)?.href;
}

interface Collected {
  feeds: OpmlFeed[];
  invalid: OpmlInvalidEntry[];
}

function walk(outlines: Rec[], folders: string[], into: Collected): void {
  for (const node of outlines) {
    const attrs = attributesOf(node);
    const type = attrs.get('type')?.trim().toLowerCase();
    const name = cleanText(attrs.get('title') ?? '') || cleanText(attrs.get('text') ?? '');
    const rawUrl = attrs.get('xmlurl') ?? (type !== undefined && NON_FEED_TYPES.has(type) ? undefined : attrs.get('url'));
    const children = childOutlines(node);
    if (rawUrl === undefined && children.length === 0 && (type === 'rss' || type === 'atom')) {
      // Declared a feed but names no URL: the import report should say so rather than lose it.
      into.invalid.push({ text: name || t('opml_unnamedOutline'), reason: t('opml_missingUrl') });
      continue;
    }
    if (rawUrl === undefined) {
      if (children.length > 0) {
        // Folders are named by `text` first: that is what OPML editors display.
        const folderName = cleanText(attrs.get('text') ?? '') || name;
        walk(children, folderName ? [...folders, folderName] : folders, into);
      }
      continue;
    }
    const checked = normalizeFeedUrl(rawUrl);
    if (!checked.ok) {
      into.invalid.push({ text: name || rawUrl.trim() || t('opml_unnamedOutline'), reason: checked.reason });
    } else {
      const feed: OpmlFeed = { url: checked.url, title: name || new URL(checked.url).host };
      const siteUrl = siteUrlOf(attrs.get('htmlurl'));
      if (siteUrl !== undefined) feed.siteUrl = siteUrl;
      if (folders.length > 0) feed.folder = folders.join(' / ');
      into.feeds.push(feed);
    }
    // A feed outline with children is odd, but those children are still subscriptions.
    walk(children, folders, into);
  }
}

function notOpml(why: string): OpmlResult {
  return { ok: false, error: t('opml_notOpml', { why }) };
}

/** Reasons a text cannot be OPML, found before parsing (so the message can be specific). */
function precheck(text: string): string | undefined {
  if (text === '') return t('opml_empty');
  if (text.startsWith('{') || text.startsWith('[')) return t('opml_json');
  if (!text.startsWith('<')) return t('opml_notXml', { start: cleanText(text.slice(0, 20)) });
  const head = text.slice(0, 2048).toLowerCase();
  if (/<!doctype\s+html|<html[\s>]/.test(head) && !head.includes('<opml')) {
    return t('opml_html');
  }
  return undefined;
}

/** Parses an OPML subscription list into feeds (with folder paths) and the outlines it could not use. */
export function parseOpml(text: string): OpmlResult {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  const early = precheck(trimmed);
  if (early !== undefined) return notOpml(early);
  let doc: unknown;
  try {
    doc = getParser().parse(trimmed);
  } catch (error) {
    return notOpml(t('opml_malformed', { detail: error instanceof Error ? error.message : String(error) }));
  }
  if (!isRecord(doc)) return notOpml(t('opml_unreadable'));
  const opml = doc.opml;
  if (opml === undefined) {
    const root = Object.keys(doc)[0];
    if (root === undefined) return notOpml(t('opml_noElements'));
    const feedKind = FEED_ROOTS.get(root);
    if (feedKind !== undefined) return notOpml(t('opml_isAFeed', { kind: t(feedKind) }));
    return notOpml(t('opml_wrongRoot', { root: `<${root}>` }));
  }
  if (!isRecord(opml) || !('body' in opml)) return notOpml(t('opml_noBody'));
  const collected: Collected = { feeds: [], invalid: [] };
  const body = opml.body;
  if (isRecord(body)) walk(childOutlines(body), [], collected);
  const title = isRecord(opml.head) ? textOf(opml.head.title) : undefined;
  return { ok: true, ...(title !== undefined ? { title } : {}), ...collected };
}
