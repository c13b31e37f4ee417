/** The scope in the page's address (#folder=Blogs, #feed=<id>), so the popup can link to it and a reload keeps it. */
import type { Scope } from './sidebar';

/** The scope named by location.hash; everything when it names none. */
export function readHashScope(): Scope {
  const p = new URLSearchParams(location.hash.slice(1));
  const feed = p.get('feed');
  if (feed) return { kind: 'feed', feedId: feed };
  const folder = p.get('folder');
  if (folder !== null) return { kind: 'folder', folder };
  return { kind: 'all' };
}

/** The hash for a scope ('' for everything). */
export function scopeHash(scope: Scope): string {
  if (scope.kind === 'feed') return `#${new URLSearchParams({ feed: scope.feedId })}`;
  if (scope.kind === 'folder') return `#${new URLSearchParams({ folder: scope.folder })}`;
  return '';
}

/** Puts the scope in the address without adding a history entry. */
export function writeHashScope(scope: Scope): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${scopeHash(scope)}`);
}
