import { describe, expect, it } from 'vitest';
import { isPrivateHost } from './private-host';

/** The hostname of a URL as the browser normalizes it: every IPv4 spelling becomes dotted decimal. */
const hostOf = (url: string) => new URL(url).hostname;

describe('isPrivateHost', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.8.9.10:8080/',
    'http://2130706433/', // 127.0.0.1 as one decimal number
    'http://0x7f.1/', // hex and a short form
    'http://0x7f000001/',
    'http://0177.0.0.1/', // octal
    'http://127.1/',
    'http://0.0.0.0/',
    'http://0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/', // IPv4-mapped IPv6
    'http://[::ffff:7f00:1]/',
    'http://[::ffff:192.168.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[::127.0.0.1]/', // IPv4-compatible
    'http://[64:ff9b::a00:1]/', // NAT64 of 10.0.0.1
    'http://[2002:7f00:1::]/', // 6to4 of 127.0.0.1
    'http://[fc00::1]/',
    'http://[fd12:3456:789a::1]/',
    'http://[fe80::1]/',
    'http://[febf::1]/',
    'http://[fec0::1]/',
    'http://[ff02::1]/',
    'http://localhost/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://printer.local/',
    'http://nas.local./',
    'http://metadata.google.internal/',
    'http://router.lan/',
    'http://intranet/',
    'http://wiki:8080/',
  ])('%s is private or local', (url) => {
    expect(isPrivateHost(hostOf(url))).toBe(true);
  });

  it.each([
    'http://blog.example/',
    'https://example.com/',
    'http://8.8.8.8/',
    'http://134744072/', // 8.8.8.8 as one number
    'http://172.15.255.255/',
    'http://172.32.0.1/',
    'http://192.169.0.1/',
    'http://169.255.0.1/',
    'http://100.63.255.255/',
    'http://11.0.0.1/',
    'http://[2001:4860:4860::8888]/',
    'http://[::ffff:8.8.8.8]/',
    'http://[2002:808:808::]/',
    'http://[fe00::1]/',
    'http://localhost.example.com/',
    'http://local.example/',
    'http://internal.example.org/',
  ])('%s is public', (url) => {
    expect(isPrivateHost(hostOf(url))).toBe(false);
  });

  it('reads an IPv6 zone; an IPv6 literal it cannot read is not trusted', () => {
    expect(isPrivateHost('[fe80::1%eth0]')).toBe(true);
    expect(isPrivateHost('[::ffff:127.0.0.1]')).toBe(true);
    expect(isPrivateHost('[1:2:3]')).toBe(true);
    expect(isPrivateHost('[1::2::3]')).toBe(true);
  });
});
