import { escapeXml } from './escape-xml';
import type { OpmlFeed, SerializeOpmlOptions } from './types';

interface FolderNode {
  name: string;
  entries: ({ feed: OpmlFeed } | { folder: FolderNode })[];
  folders: Map<string, FolderNode>;
}

function newFolder(name: string): FolderNode {
  return { name, entries: [], folders: new Map() };
}

/** Rebuilds the folder tree from ' / '-joined paths, keeping first-appearance order. */
function buildTree(feeds: OpmlFeed[]): FolderNode {
  const root = newFolder('');
  for (const feed of feeds) {
    let node = root;
    for (const part of (feed.folder ?? '').split(' / ').map((s) => s.trim()).filter(Boolean)) {
      let child = node.folders.get(part);
      if (child === undefined) {
        child = newFolder(part);
        node.folders.set(part, child);
        node.entries.push({ folder: child });
      }
      node = child;
    }
    node.entries.push({ feed });
  }
  return root;
}

function feedOutline(feed: OpmlFeed, indent: string): string {
  const title = escapeXml(feed.title);
  const site = feed.siteUrl !== undefined ? ` htmlUrl="${escapeXml(feed.siteUrl)}"` : '';
  return `${indent}<outline type="rss" text="${title}" title="${title}" xmlUrl="${escapeXml(feed.url)}"${site}/>`;
}

function renderEntries(node: FolderNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  for (const entry of node.entries) {
    if ('feed' in entry) {
      lines.push(feedOutline(entry.feed, indent));
      continue;
    }
    const name = escapeXml(entry.folder.name);
    lines.push(`${indent}<outline text="${name}" title="${name}">`);
    renderEntries(entry.folder, depth + 1, lines);
    lines.push(`${indent}</outline>`);
  }
}

/** Writes feeds as an OPML 2.0 document, folders as parent outlines; parseOpml reads it back unchanged. */
export function serializeOpml(feeds: OpmlFeed[], opts: SerializeOpmlOptions): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(opts.title)}</title>`,
  ];
  // toUTCString() is RFC 822 / 1123 ("Wed, 27 May 2026 16:44:00 GMT"), the form OPML 2.0 names.
  const created = opts.dateCreated;
  if (created !== undefined && !Number.isNaN(created.getTime())) {
    lines.push(`    <dateCreated>${created.toUTCString()}</dateCreated>`);
  }
  lines.push('    <docs>https://opml.org/spec2.opml</docs>', '  </head>', '  <body>');
  renderEntries(buildTree(feeds), 2, lines);
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
