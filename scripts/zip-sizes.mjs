// The last step of `npm run zip`: the size of each package it made, as the stores will count it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const out = process.env.ORRERY_OUT ?? '.output';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
let missing = 0;
for (const kind of ['chrome', 'firefox', 'sources']) {
  const file = path.join(out, `orrery-${version}-${kind}.zip`);
  if (!existsSync(file)) {
    console.error(`missing: ${file}`);
    missing++;
    continue;
  }
  const bytes = statSync(file).size;
  console.log(`${file.padEnd(36)} ${(bytes / 1024).toFixed(0).padStart(6)} KB (${bytes} bytes)`);
}
process.exit(missing ? 1 : 0);
