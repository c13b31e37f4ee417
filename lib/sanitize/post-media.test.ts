// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { hideLoadedPixel, loadDeferredTracks } from './post-media';
import { sanitizeHtml } from './sanitize-html';

describe('loadDeferredTracks', () => {
  it('gives a played video its sanitized track URLs back', () => {
    const div = document.createElement('div');
    div.innerHTML = sanitizeHtml('<video src="https://x.example/v.mp4"><track default src="https://x.example/c.vtt"><track src="https://x.example/d.vtt"></video>');
    const video = div.querySelector('video')!;
    expect(div.querySelector('track[src]')).toBeNull();
    loadDeferredTracks(video);
    expect([...div.querySelectorAll('track')].map((t) => t.getAttribute('src'))).toEqual(['https://x.example/c.vtt', 'https://x.example/d.vtt']);
    expect(div.querySelector('[data-deferred-src]')).toBeNull();
  });
});

describe('hideLoadedPixel', () => {
  const loaded = (w: number, h: number) => {
    const img = document.createElement('img');
    Object.defineProperty(img, 'naturalWidth', { value: w });
    Object.defineProperty(img, 'naturalHeight', { value: h });
    return img;
  };

  it('hides an image that loaded at 2x2 or less', () => {
    for (const [w, h] of [[1, 1], [2, 2], [1, 2]] as const) {
      const img = loaded(w, h);
      expect(hideLoadedPixel(img)).toBe(true);
      expect(img.hidden).toBe(true);
    }
  });

  it('leaves content images and broken ones alone', () => {
    for (const [w, h] of [[3, 1], [640, 480], [1, 300], [0, 0]] as const) {
      const img = loaded(w, h);
      expect(hideLoadedPixel(img)).toBe(false);
      expect(img.hidden).toBe(false);
    }
  });
});
