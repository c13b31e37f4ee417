import { describe, expect, it } from 'vitest';
import { senderKind } from './check-sender';

const ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';

describe('senderKind', () => {
  it('extension pages are pages, even when open in a tab', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('page');
    expect(senderKind({ id: ID, url: `${ORIGIN}timeline.html`, tab: { id: 3 } }, ID, ORIGIN)).toBe('page');
  });
  it('our content script in a web page is content', () => {
    expect(senderKind({ id: ID, url: 'https://blog.example/', tab: { id: 3 } }, ID, ORIGIN)).toBe('content');
  });
  it('another extension is foreign', () => {
    expect(senderKind({ id: 'other', url: 'chrome-extension://other/x.html' }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ id: ID, url: 'https://x.example/' }, ID, ORIGIN)).toBe('foreign');
  });
});
