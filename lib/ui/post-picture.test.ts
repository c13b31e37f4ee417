import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../db/types';
import { firstContentImage, postPicture } from './post-picture';

const post = (extra: Partial<StoredPost>): StoredPost => ({ feedId: 'f', id: String(Math.random()), title: 't', firstSeen: 1, sortKey: 1, enclosures: [], categories: [], read: 0, starred: 0, folder: '', updatedAt: 1, ...extra });

describe('postPicture', () => {
  it('takes the feed\'s picture first, then an image enclosure, then the first content image', () => {
    expect(postPicture(post({ imageUrl: 'https://i.example/thumb.jpg', contentHtml: '<img src="https://i.example/c.jpg">' }))).toBe('https://i.example/thumb.jpg');
    expect(postPicture(post({ enclosures: [{ url: 'https://i.example/a.mp3', type: 'audio/mpeg' }, { url: 'https://i.example/e.png', type: 'image/png' }] }))).toBe('https://i.example/e.png');
    expect(postPicture(post({ enclosures: [{ url: 'https://i.example/e.jpg' }] }))).toBe('https://i.example/e.jpg');
    expect(postPicture(post({ summary: '<p>x</p><img alt=a src="https://i.example/s.jpg?a=1&amp;b=2">' }))).toBe('https://i.example/s.jpg?a=1&b=2');
  });

  it('only ever gives an http(s) address', () => {
    expect(postPicture(post({ imageUrl: 'javascript:alert(1)' }))).toBeUndefined();
    expect(postPicture(post({ imageUrl: 'data:image/png;base64,AAAA', contentHtml: '<img src="file:///etc/passwd">' }))).toBeUndefined();
    expect(postPicture(post({ enclosures: [{ url: 'ftp://i.example/e.jpg', type: 'image/jpeg' }] }))).toBeUndefined();
  });

  it('skips tracking pixels in the content', () => {
    expect(firstContentImage('<img src="https://feeds.feedburner.com/~r/x/~4/abc" ><img width="1" height="1" src="https://t.example/p.png"><img src=\'https://i.example/real.jpg\'>')).toBe('https://i.example/real.jpg');
    expect(firstContentImage('<p>no image</p>')).toBeUndefined();
  });
});
