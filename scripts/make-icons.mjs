// Writes Orrery's toolbar icon (scripts/icon-art.mjs) as PNGs in public/icon/.
// Run once after changing the design: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { iconPng } from './icon-art.mjs';

const SIZES = [16, 32, 48, 128];

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, iconPng(size));
console.log('icons written to public/icon/');
