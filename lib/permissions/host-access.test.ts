import { describe, expect, it } from 'vitest';
import { hasHostAccess, missingAccessMessage, requestHostAccess, sitePattern, type PermissionsApi } from './host-access';

function fakePermissions(granted: string[]): PermissionsApi & { asked: string[][] } {
  const asked: string[][] = [];
  const covers = (o: string) => granted.includes(o) || granted.includes('<all_urls>') || granted.includes(`${o.split('//')[0]}//*/*`);
  return {
    asked,
    contains: async ({ origins }) => origins.every(covers),
    request: async ({ origins }) => {
      asked.push(origins);
      granted.push(...origins);
      return true;
    },
  };
}

describe('host access', () => {
  it('names the site of an address as a match pattern', () => {
    expect(sitePattern('https://blog.example:8443/feed.xml?x=1')).toBe('https://blog.example/*');
    expect(sitePattern('http://[::1]/feed')).toBe('http://[::1]/*');
    expect(sitePattern('javascript:alert(1)')).toBeUndefined();
  });

  it('checks every site, or the one site of an address', async () => {
    const none = fakePermissions([]);
    expect(await hasHostAccess(none)).toBe(false);
    expect(await hasHostAccess(none, 'http://blog.example/feed')).toBe(false);
    const one = fakePermissions(['http://blog.example/*']);
    expect(await hasHostAccess(one, 'http://blog.example/feed')).toBe(true);
    expect(await hasHostAccess(one, 'http://other.example/feed')).toBe(false);
    expect(await hasHostAccess(one)).toBe(false);
    const all = fakePermissions(['<all_urls>']);
    expect(await hasHostAccess(all)).toBe(true);
    expect(await hasHostAccess(all, 'https://x.example/')).toBe(true);
  });

  it('asks for every http and https site, then has them', async () => {
    const p = fakePermissions([]);
    expect(await requestHostAccess(p)).toBe(true);
    expect(p.asked).toEqual([['http://*/*', 'https://*/*']]);
    expect(await hasHostAccess(p, 'https://x.example/feed')).toBe(true);
  });

  it('tells the reader which site and what to do', () => {
    expect(missingAccessMessage('https://blog.example/feed.xml')).toMatch(/^Orrery has no access to blog\.example: .*Allow Orrery to access websites/);
  });
});
