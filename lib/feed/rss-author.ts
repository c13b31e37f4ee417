import type { XmlElement } from '../xml/xml-node.ts';
import { authorName } from './author-name.ts';
import { child, childText, firstOf, textOf } from './element-helpers.ts';
import { oneLineText } from './one-line-text.ts';

const BARE_ADDRESS = /^[^\s@()<>]+@[^\s@()<>]+$/;

/**
 * An Atom person construct's display name: name, else email, else uri (the only thing some
 * feeds give). Its children are "name" in an Atom document and "atom:name" inside RSS, and
 * some RSS feeds leave them unprefixed inside <atom:author>: all are read.
 */
export function personName(person: XmlElement): string | undefined {
  const value = firstOf(
    childText(person, 'name'), childText(person, 'atom:name'),
    childText(person, 'email'), childText(person, 'atom:email'),
    childText(person, 'uri'), childText(person, 'atom:uri'),
  );
  if (value !== undefined) return oneLineText(value) || undefined;
  // Atom 0.3-era feeds sometimes put the name straight inside <author>.
  const text = oneLineText(textOf(person));
  return text && !person.children.some((c) => typeof c !== 'string') ? text : undefined;
}

// Who wrote an RSS item, most specific first:
// - dc:creator is a name by definition, and what WordPress and most CMSs write;
// - atom:author is a person construct (name, else email, else uri);
// - author is RSS 2.0's, an address by the spec, often "addr (Name)" (the name is taken);
// - itunes:author and googleplay:author name a podcast episode's people, often the show's host;
// - dc:author and dc:contributor, rarer spellings.
// A bare address is kept only when no later element gives a name: "Ann Host" reads better than
// "ann@example.org", and the RSS author element is usually the address of the same person.
const ITEM_KEYS = ['dc:creator', 'atom:author', 'author', 'itunes:author', 'googleplay:author', 'dc:author', 'dc:contributor'];
// A channel's people stand for its items when an item names no one (as an Atom feed's author
// does); managingEditor and webMaster are contacts, not authors, and are not used.
const CHANNEL_KEYS = ['dc:creator', 'atom:author', 'itunes:author', 'googleplay:author'];

function authorByKeys(el: XmlElement, keys: readonly string[]): string | undefined {
  let address: string | undefined;
  for (const key of keys) {
    const c = child(el, key);
    if (!c) continue;
    const name = key === 'atom:author' ? personName(c) : authorName(textOf(c));
    if (!name) continue;
    if (!BARE_ADDRESS.test(name)) return name;
    address ??= name;
  }
  return address;
}

/** The author of an RSS/RDF item, else of its channel (see the order above); undefined when none is named. */
export function rssAuthor(item: XmlElement, channel: XmlElement): string | undefined {
  return authorByKeys(item, ITEM_KEYS) ?? authorByKeys(channel, CHANNEL_KEYS);
}
