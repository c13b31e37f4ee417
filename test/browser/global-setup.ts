// Builds the extension once before the browser suites, so they test what users install.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.ORRERY_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
