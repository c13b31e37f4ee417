// `npm run lint:firefox` (a step of `npm test`): Mozilla's addons-linter, the checks
// addons.mozilla.org runs on upload, on the Firefox package. Without an argument it builds and zips
// the Firefox package first (`wxt zip -b firefox`, into .output-lint/ so it does not disturb
// other builds); with one it lints that zip or directory. Fails on any error and on any warning
// not explained in scripts/addons-lint-report.ts (and docs/store/listing.md).
//
// The linter must work without the internet (CI reaches only the npm registry): network access is
// refused in this process, so a linter that started to need it would fail here, not in CI only.
import { execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { existsSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { judgeLint } from './addons-lint-report';

const ROOT = path.resolve(import.meta.dirname, '..');

function refuseNetwork(): void {
  const refuse = (): never => {
    throw new Error('addons-linter tried to reach the network; it must run offline (CI reaches only the npm registry)');
  };
  net.Socket.prototype.connect = refuse;
  dns.lookup = refuse as unknown as typeof dns.lookup;
  globalThis.fetch = refuse;
}

/** Builds and zips the Firefox package; returns the zip's path. */
function zipFirefox(): string {
  const out = '.output-lint';
  execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ORRERY_OUT: out } });
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return path.join(ROOT, out, `orrery-${version}-firefox.zip`);
}

const target = path.resolve(process.argv[2] ?? zipFirefox());
if (!existsSync(target)) throw new Error(`nothing to lint at ${target}`);
const isDir = statSync(target).isDirectory();
const zipped = isDir ? undefined : unzipSync(new Uint8Array(readFileSync(target)));
const readPackaged = (name: string): string | undefined => {
  if (zipped) return zipped[name] ? strFromU8(zipped[name]) : undefined;
  const file = path.join(target, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

refuseNetwork();
// Imported only now, so that nothing it loads can have reached the network before the refusal.
const { createInstance } = await import('addons-linter');
const linter = createInstance({
  config: { _: [target], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const output = await linter.run();
console.log(`addons-linter ${path.relative(ROOT, target)}`);
const report = judgeLint(output, readPackaged);
for (const line of report.lines) console.log(line.text);
process.exit(report.ok ? 0 : 1);
