import { resolveUrl } from '../feed/resolve-url.ts';
import { decodeEntities, type EntityLookup } from './decode-entities.ts';
import { readDoctypeEntities } from './doctype-entities.ts';
import { ATOM_NAMESPACES, NAMESPACE_PREFIXES } from './namespace-prefixes.ts';
import type { XmlElement } from './xml-node.ts';

/** Shared by every element without attributes (most of them): one object fewer per element. */
const NO_ATTRS: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

/** How far up the open elements an end tag looks for its start tag. */
const CLOSE_REACH = 48;

/** Deeper elements are flattened into their ancestor, so no later recursion can overflow. */
const MAX_DEPTH = 256;

interface Scope {
  uris: Record<string, string | undefined>;
  keys: Map<string, string>;
}

/** The result of the lenient XML reader: the root element, if any element was found. */
export interface XmlDocument {
  root: XmlElement | undefined;
}

/** Container elements of the feed formats, whose own text is never read. */
const STRUCTURAL = new Set(['rss', 'channel', 'item', 'feed', 'entry', 'rdf:rdf', 'author', 'image', 'media:group', 'source']);

function isBlank(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * Read XML leniently into a tree, the way feed readers must: never throws. Bare ampersands and
 * unknown entities stay literal, mismatched end tags close up to the matching open element (or
 * are ignored), a truncated document keeps everything read so far, and a `<` that starts no tag
 * is text. Only internal DTD entities are expanded, with a budget (see doctype-entities.ts).
 */
export function parseXml(src: string, baseUrl: string): XmlDocument {
  const n = src.length;
  let entities: EntityLookup | undefined;
  let root: XmlElement | undefined;
  let rootIsAtom = false;
  const stack: XmlElement[] = [];
  const scopes: Scope[] = [{ uris: Object.create(null) as Record<string, string>, keys: new Map() }];
  let i = 0;

  const addText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (!parent || text === '') return;
    // Indentation between the elements of a feed's skeleton is never content: not keeping it
    // saves an object per element on large feeds.
    if (STRUCTURAL.has(parent.key) && isBlank(text)) return;
    const kids = parent.children;
    const last = kids[kids.length - 1];
    if (typeof last === 'string') kids[kids.length - 1] = last + text;
    else kids.push(text);
  };

  const keyOf = (name: string, scope: Scope): string => {
    const cached = scope.keys.get(name);
    if (cached !== undefined) return cached;
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    const uri = scope.uris[prefix];
    let canon = prefix;
    if (uri !== undefined) {
      canon = rootIsAtom && ATOM_NAMESPACES.has(uri) ? '' : (NAMESPACE_PREFIXES.get(uri) ?? prefix);
    }
    // Lower-cased: CDF and some podcast feeds write <TITLE>; no feed vocabulary relies on case.
    const key = (canon === '' ? local : `${canon}:${local}`).toLowerCase();
    scope.keys.set(name, key);
    return key;
  };

  const openTag = (lt: number): number => {
    let j = lt + 1;
    while (j < n) {
      const c = src.charCodeAt(j);
      if (isSpace(c) || c === 62 || c === 47) break;
      j++;
    }
    const name = src.slice(lt + 1, j);
    let attrs = NO_ATTRS;
    let selfClosing = false;
    let declaresNs = false;
    // Attributes: name[=value], values quoted with " or ' (or bare, leniently).
    while (j < n) {
      let c = src.charCodeAt(j);
      if (isSpace(c)) { j++; continue; }
      if (c === 62) { j++; break; }
      if (c === 47) {
        j++;
        if (src.charCodeAt(j) === 62) { selfClosing = true; j++; break; }
        continue;
      }
      const start = j;
      while (j < n) {
        c = src.charCodeAt(j);
        if (isSpace(c) || c === 61 || c === 62 || c === 47) break;
        j++;
      }
      const attrName = src.slice(start, j);
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      let value = '';
      if (src.charCodeAt(j) === 61) {
        j++;
        while (j < n && isSpace(src.charCodeAt(j))) j++;
        const q = src.charCodeAt(j);
        if (q === 34 || q === 39) {
          let end = src.indexOf(q === 34 ? '"' : "'", j + 1);
          if (end === -1) end = n;
          value = src.slice(j + 1, end);
          j = end + 1;
        } else {
          const vs = j;
          while (j < n && !isSpace(src.charCodeAt(j)) && src.charCodeAt(j) !== 62) j++;
          value = src.slice(vs, j);
        }
      }
      if (attrName === '') { j++; continue; }
      if (attrs === NO_ATTRS) attrs = Object.create(null) as Record<string, string>;
      attrs[attrName] = decodeEntities(value, entities);
      if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) declaresNs = true;
    }

    const parentScope = scopes[scopes.length - 1] as Scope;
    let scope = parentScope;
    if (declaresNs) {
      const uris = Object.create(parentScope.uris) as Record<string, string>;
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'xmlns') uris[''] = v.trim();
        else if (k.startsWith('xmlns:')) uris[k.slice(6)] = v.trim();
      }
      scope = { uris, keys: new Map() };
    }
    const parent = stack[stack.length - 1];
    if (!parent && root) return j; // a second root element: ignored
    if (!root) {
      const local = name.slice(name.indexOf(':') + 1);
      const uri = scope.uris[name.includes(':') ? name.slice(0, name.indexOf(':')) : ''];
      rootIsAtom = local === 'feed' || (uri !== undefined && ATOM_NAMESPACES.has(uri));
    }
    if (stack.length >= MAX_DEPTH) return j;
    const parentBase = parent ? parent.base : baseUrl;
    const xmlBase = attrs['xml:base'];
    const el: XmlElement = {
      name,
      key: keyOf(name, scope),
      attrs,
      children: [],
      base: xmlBase === undefined ? parentBase : resolveUrl(xmlBase, parentBase),
    };
    if (parent) parent.children.push(el);
    else root = el;
    if (!selfClosing) {
      stack.push(el);
      scopes.push(scope);
    }
    return j;
  };

  const closeTag = (lt: number): number => {
    let end = src.indexOf('>', lt);
    if (end === -1) end = n;
    const name = src.slice(lt + 2, end).trim();
    // An end tag closes at most CLOSE_REACH open elements: stray end tags in a deep document
    // must not each walk the whole stack.
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - CLOSE_REACH; k--) {
      if ((stack[k] as XmlElement).name === name) {
        stack.length = k;
        scopes.length = k + 1;
        break;
      }
    }
    return end + 1;
  };

  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt === -1) {
      addText(decodeEntities(src.slice(i), entities));
      break;
    }
    if (lt > i) addText(decodeEntities(src.slice(i, lt), entities));
    const c = src.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (src.startsWith('<!--', lt)) {
        const end = src.indexOf('-->', lt + 4);
        i = end === -1 ? n : end + 3;
      } else if (src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        addText(src.slice(lt + 9, end === -1 ? n : end));
        i = end === -1 ? n : end + 3;
      } else {
        i = skipDeclaration(src, lt, (subset) => {
          if (!root) entities = readDoctypeEntities(subset);
        });
      }
    } else if (c === 63 /* ? */) {
      const end = src.indexOf('?>', lt + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === 47 /* / */) {
      i = closeTag(lt);
    } else if (isNameStart(c)) {
      i = openTag(lt);
    } else {
      addText('<');
      i = lt + 1;
    }
  }
  return { root };
}

/** Skip a `<!…>` declaration (DOCTYPE with its [internal subset], or other); returns the index after it. */
function skipDeclaration(src: string, lt: number, onSubset: (subset: string) => void): number {
  const close = src.indexOf('>', lt);
  // '[' is looked for only inside this declaration: searching the rest of the document from
  // every "<!x>" would be quadratic.
  const bracket = src.slice(lt, close === -1 ? src.length : close).indexOf('[');
  const open = bracket === -1 ? -1 : lt + bracket;
  if (open !== -1) {
    const endSubset = src.indexOf(']', open);
    if (endSubset === -1) return src.length;
    onSubset(src.slice(open + 1, endSubset));
    const end = src.indexOf('>', endSubset);
    return end === -1 ? src.length : end + 1;
  }
  return close === -1 ? src.length : close + 1;
}
