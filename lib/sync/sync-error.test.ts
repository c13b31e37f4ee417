import { describe, expect, it } from 'vitest';
import { describeSyncError } from './describe-sync-error';
import { networkError } from './sync-error';
import { waitForNetError } from './wait-net-error';

const failed = new TypeError('Failed to fetch');

describe('network failures of the sync client', () => {
  it("the browser's report names a certificate error, also when it arrives after fetch rejected", async () => {
    let t = 0;
    const report = (_url: string) => (t >= 300 ? 'net::ERR_CERT_AUTHORITY_INVALID' : undefined);
    const cause = await waitForNetError(report, 'https://rss.example/api/greader.php', 0, { sleep: async (ms) => void (t += ms) });
    const e = networkError(failed, cause, 'https://rss.example/api/greader.php');
    expect(e.kind).toBe('tls');
    expect(describeSyncError({ kind: e.kind, message: e.message }, 'https://rss.example')).toBe(
      'The certificate of https://rss.example was refused (net::ERR_CERT_AUTHORITY_INVALID). Check the address, or the server’s certificate.',
    );
  });

  it('a refused connection reported by the browser is "cannot reach"', () => {
    expect(networkError(failed, 'net::ERR_CONNECTION_REFUSED', 'https://rss.example/x')).toMatchObject({ kind: 'unreachable', message: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('with no report: an https address may be either, and says so; an http one cannot have a certificate error', async () => {
    let t = 0;
    const cause = await waitForNetError(() => undefined, 'https://rss.example/x', 0, { sleep: async (ms) => void (t += ms) });
    expect(cause).toBeUndefined();
    expect(t).toBe(2000);
    const e = networkError(failed, cause, 'https://rss.example/x');
    expect(e.kind).toBe('unreachable-or-tls');
    expect(describeSyncError({ kind: e.kind, message: e.message }, 'https://rss.example')).toMatch(/^Could not reach https:\/\/rss\.example, or its certificate is not trusted \(Failed to fetch; the browser did not say which\)/);
    expect(networkError(failed, undefined, 'http://rss.example/x').kind).toBe('unreachable');
  });

  it("Node's fetch names the cause itself (the benchmark, the FreshRSS tests)", () => {
    const node = Object.assign(new TypeError('fetch failed'), { cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' } });
    expect(networkError(node, undefined, 'https://rss.example/x').kind).toBe('tls');
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(networkError(refused, undefined, 'https://rss.example/x')).toMatchObject({ kind: 'unreachable', message: 'ECONNREFUSED' });
  });
});
