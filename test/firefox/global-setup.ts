// Builds the Firefox package once before the Firefox suites (also where Firefox is absent: the
// package must still build), so they test what users install.
import { execFileSync } from 'node:child_process';
import { firefoxMissing } from './firefox';

export default function setup(): void {
  if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  const missing = firefoxMissing();
  if (missing) console.warn(`\n*** Firefox suite SKIPPED: ${missing}\n`);
}
