// Types of scripts/icon-art.mjs (plain JavaScript so that `node scripts/make-icons.mjs` needs no loader).

/** The icon as a PNG of size x size pixels, the artwork inset by `inset` transparent pixels on every side. */
export function iconPng(size: number, inset?: number): Buffer;
