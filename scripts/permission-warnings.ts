// `npm run permission-warnings`: what Chrome tells a person installing Orrery, measured rather than
// guessed. Loads the built Chrome package (.output/chrome-mv3; built first unless
// ORRERY_SKIP_BUILD=1) into Debian's Chromium and asks Chrome, from an extension page, for the
// warnings of its manifest (`chrome.management.getPermissionWarningsByManifest`, the text of the
// install dialog), then for those of the optional permissions, shown when the reader turns them on.
import { execFileSync } from 'node:child_process';
import { launchOrrery } from '../test/browser/launch';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
}

if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
// No feed is fetched: the fixture server's port only feeds the launcher's host mapping.
const orrery = await launchOrrery({ serverPort: 9 });
try {
  const page = await orrery.open('/options.html');
  const warningsOf = (manifest: object): Promise<string[]> =>
    page.evaluate(
      (m) => (chrome as unknown as { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } }).management.getPermissionWarningsByManifest(m),
      JSON.stringify(manifest),
    );
  // The manifest as Chrome loaded it (its name and description already in the browser's language).
  const manifest = await page.evaluate(() => chrome.runtime.getManifest() as Manifest & Record<string, unknown>);
  const atInstall = await warningsOf(manifest);
  console.log(`Chrome ${orrery.context.browser()?.version() ?? ''}, Orrery ${String(manifest.version)}`);
  console.log(`permissions: ${(manifest.permissions ?? []).join(', ')}; host_permissions: ${(manifest.host_permissions ?? []).join(', ')}`);
  console.log(`Warnings at install (${atInstall.length}):`);
  for (const w of atInstall) console.log(`  - ${w}`);
  for (const optional of manifest.optional_permissions ?? []) {
    // What granting it adds to the install warnings is what the browser's request names.
    const withIt = await warningsOf({ ...manifest, permissions: [...(manifest.permissions ?? []), optional] });
    const asked = withIt.filter((w) => !atInstall.includes(w));
    console.log(`Asked for later, "${optional}" (optional): ${asked.length ? asked.map((w) => `"${w}"`).join(', ') : 'no warning'}`);
  }
} finally {
  await orrery.close();
}
