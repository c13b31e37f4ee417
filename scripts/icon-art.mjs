// Orrery's icon (a sun, an orbit, a planet on a round tile) drawn as PNG bytes, with no image
// library: scripts/make-icons.mjs writes the toolbar sizes, scripts/store-assets.ts the store icon.
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square [0,1]^2; returns RGBA premultiplied-free colour or null.
function shade(u, v) {
  const cx = 0.5, cy = 0.5;
  const dx = u - cx, dy = v - cy;
  const bg = Math.hypot(dx, dy) <= 0.49; // round tile
  // orbit: ellipse ring tilted
  const a = 0.38, b = 0.2, t = -0.45;
  const rx = dx * Math.cos(t) - dy * Math.sin(t);
  const ry = dx * Math.sin(t) + dy * Math.cos(t);
  const e = Math.hypot(rx / a, ry / b);
  const ring = Math.abs(e - 1) < 0.09;
  const sun = Math.hypot(dx, dy) < 0.16;
  const px = cx + 0.3, py = cy - 0.2;
  const planet = Math.hypot(u - px, v - py) < 0.085;
  if (planet) return [245, 159, 0, 255];
  if (sun) return [255, 212, 59, 255];
  if (ring) return [190, 203, 255, 255];
  if (bg) return [36, 52, 122, 255];
  return [0, 0, 0, 0];
}

/**
 * The icon as a PNG of size x size pixels, the artwork inset by `inset` pixels on every side
 * (transparent there: the Chrome Web Store asks for 96x96 artwork inside a 128x128 icon).
 */
export function iconPng(size, inset = 0) {
  const S = 4; // supersampling
  const art = size - 2 * inset;
  return png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const c = shade((x - inset + (i + 0.5) / S) / art, (y - inset + (j + 0.5) / S) / art);
      acc[0] += c[0] * c[3]; acc[1] += c[1] * c[3]; acc[2] += c[2] * c[3]; acc[3] += c[3];
    }
    const alpha = acc[3] / (S * S);
    return alpha === 0 ? [0, 0, 0, 0] : [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], alpha].map(Math.round);
  });
}
