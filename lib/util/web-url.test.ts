import { describe, expect, it } from 'vitest';
import { isWebUrl, parseWebUrl, webUrlOrUndefined } from './web-url';

describe('isWebUrl', () => {
  it.each([
    ['https://example.com/post', true],
    ['http://example.com', true],
    ['  HTTPS://Example.com/a  ', true],
    ['data:text/html,<script>alert(1)</script>', false],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    ['file:///etc/passwd', false],
    ['chrome://settings', false],
    ['chrome-extension://abc/popup.html', false],
    ['about:blank', false],
    ['ftp://example.com/file', false],
    ['/relative/path', false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('%s -> %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });

  it('returns the trimmed URL or undefined', () => {
    expect(webUrlOrUndefined(' https://a.example/x ')).toBe('https://a.example/x');
    expect(webUrlOrUndefined('data:,x')).toBeUndefined();
    expect(parseWebUrl('https://a.example:8080/x')?.port).toBe('8080');
  });
});
