/**
 * The toolbar icon with a feed mark: drawn once per worker life with OffscreenCanvas from the
 * packaged icon, so a tab offering feeds shows it next to the unread badge, not instead of it.
 */
import { browser } from 'wxt/browser';

const SIZES = [16, 32] as const;
let drawn: Promise<Record<number, ImageData> | undefined> | undefined;

/** Draws the standard feed glyph (orange square, dot and two arcs) in the top-left corner. */
function drawMark(ctx: OffscreenCanvasRenderingContext2D, size: number): void {
  const s = Math.round(size * 0.5);
  const r = Math.max(1, s * 0.18);
  ctx.fillStyle = '#f26522';
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = Math.max(1, size / 16);
  ctx.beginPath();
  ctx.roundRect(0, 0, s, s, r);
  ctx.fill();
  ctx.stroke();
  const ox = s * 0.22;
  const oy = s * 0.78;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(ox, oy, s * 0.1, 0, Math.PI * 2);
  ctx.fill();
  ctx.lineWidth = Math.max(1, s * 0.12);
  for (const radius of [s * 0.33, s * 0.58]) {
    ctx.beginPath();
    ctx.arc(ox, oy, radius, -Math.PI / 2, 0);
    ctx.stroke();
  }
}

async function draw(): Promise<Record<number, ImageData> | undefined> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined') return undefined;
  const out: Record<number, ImageData> = {};
  for (const size of SIZES) {
    const res = await fetch(browser.runtime.getURL(`/icon/${size}.png` as '/icon/16.png'));
    const bitmap = await createImageBitmap(await res.blob());
    const canvas = new OffscreenCanvas(size, size);
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.drawImage(bitmap, 0, 0, size, size);
    drawMark(ctx, size);
    out[size] = ctx.getImageData(0, 0, size, size);
  }
  return out;
}

/** The icon images with the feed mark, or undefined where they cannot be drawn. */
export function feedIconImages(): Promise<Record<number, ImageData> | undefined> {
  drawn ??= draw().catch((err: unknown) => {
    console.error('[orrery:tab-feeds] icon', err);
    return undefined;
  });
  return drawn;
}

/** The packaged icon, to put a tab back to normal. */
export const DEFAULT_ICON_PATHS = { 16: '/icon/16.png', 32: '/icon/32.png' } as const;
