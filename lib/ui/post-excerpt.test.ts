import { describe, expect, it } from 'vitest';
import { audioEnclosure } from './audio-enclosure';
import { postExcerpt } from './post-excerpt';

describe('postExcerpt', () => {
  it('is the text of the summary, spaces collapsed', () => {
    expect(postExcerpt({ summary: '<p>Hello <b>world</b></p>\n\n<p>again</p>' })).toBe('Hello world again');
  });
  it('falls back to the content and cuts long text at a word', () => {
    const long = `<p>${'word '.repeat(100)}</p>`;
    const out = postExcerpt({ contentHtml: long }, 52);
    expect(out).toBe(`${'word '.repeat(10).trim()}…`);
  });
});

describe('audioEnclosure', () => {
  it('picks audio by type, or by extension when the type says nothing', () => {
    expect(audioEnclosure([{ url: 'http://x/a.jpg', type: 'image/jpeg' }, { url: 'http://x/e.mp3', type: 'audio/mpeg' }])?.url).toBe('http://x/e.mp3');
    expect(audioEnclosure([{ url: 'http://x/e.m4a?x=1' }])?.url).toBe('http://x/e.m4a?x=1');
    expect(audioEnclosure([{ url: 'http://x/v.mp4', type: 'video/mp4' }])).toBeUndefined();
    expect(audioEnclosure([{ url: 'http://x/e.mp3', type: 'video/mp4' }])).toBeUndefined();
  });

  it('takes only an http(s) episode: the player loads it and "Audio download" links to it', () => {
    for (const url of ['data:audio/mpeg;base64,AAAA', 'javascript:alert(1)//e.mp3', 'file:///etc/e.mp3', 'chrome://settings/e.mp3']) {
      expect(audioEnclosure([{ url, type: 'audio/mpeg' }]), url).toBeUndefined();
    }
    expect(audioEnclosure([{ url: 'file:///e.mp3', type: 'audio/mpeg' }, { url: 'https://x/e.mp3', type: 'audio/mpeg' }])?.url).toBe('https://x/e.mp3');
  });
});
