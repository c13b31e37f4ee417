// `npm run permission-warnings`: what each browser tells a person installing Orrery, measured rather
// than guessed. Chrome: loads the built Chrome package (.output/chrome-mv3; built first unless
// ORRERY_SKIP_BUILD=1) into Debian's Chromium and asks Chrome, from an extension page, for the
// warnings of its manifest (`chrome.management.getPermissionWarningsByManifest`, the text of the
// install dialog), then for what each optional permission adds when the reader turns it on.
// Firefox (when Firefox ESR is installed): installs the Firefox package and asks Firefox's own
// code for the strings of its install prompt (ExtensionData.formatPermissionStrings on the
// add-on's installPermissions), from BiDi's privileged chrome scope as the Firefox tests do.
import { execFileSync } from 'node:child_process';
import { launchOrrery } from '../test/browser/launch';
import { findFirefox, launchFirefox } from '../test/firefox/firefox';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
}

const build = (...args: string[]) => {
  if (process.env.ORRERY_SKIP_BUILD !== '1') execFileSync('npx', ['wxt', 'build', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
};

build();
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

/** Firefox's install prompt for the installed add-on, in Firefox's own words (privileged code). */
async function firefoxPrompt(): Promise<void> {
  if (!findFirefox()) {
    console.log('\nFirefox: not installed here (Debian: apt-get install firefox-esr), not measured.');
    return;
  }
  build('-b', 'firefox');
  const ff = await launchFirefox({ serverPort: 9 });
  try {
    const conn = (ff.browser as unknown as { connection: { send: (m: string, p: object) => Promise<{ result: { contexts?: { context: string }[]; result?: { value?: string } } }> } }).connection;
    const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts?.[0]?.context;
    if (!context) throw new Error('Firefox gave no chrome-scope context');
    const reply = await conn.send('script.callFunction', {
      target: { context },
      awaitPromise: true,
      arguments: [{ type: 'string', value: ff.addonId }],
      functionDeclaration: `async (id) => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
        const addon = await AddonManager.getAddonByID(id);
        const s = ExtensionData.formatPermissionStrings({ permissions: addon.installPermissions, optionalPermissions: addon.optionalPermissions }, { fullDomainsList: true });
        // Whether host permissions are asked for (and granted) at install is a default of Firefox's.
        const grantByDefault = Services.prefs.getDefaultBranch('').getBoolPref('extensions.originControls.grantByDefault', false);
        return JSON.stringify({ version: Services.appinfo.version, msgs: s.msgs, data: s.dataCollectionPermissions?.msg ?? '', optional: { ...s.optionalPermissions, ...s.optionalOrigins }, grantByDefault });
      }`,
    });
    const r = JSON.parse(reply.result.result?.value ?? '{}') as { version: string; msgs: string[]; data: string; optional: Record<string, string>; grantByDefault: boolean };
    console.log(`\nFirefox ${r.version} (site access asked for at install by default: ${r.grantByDefault ? 'yes' : 'no'})`);
    console.log(`Install prompt, required (${r.msgs.length}):`);
    for (const m of r.msgs) console.log(`  - ${m}`);
    if (r.data) console.log(`Data collection: ${r.data}`);
    for (const [name, text] of Object.entries(r.optional)) console.log(`Optional, asked for later or in the add-on's settings, "${name}": "${text}"`);
  } finally {
    await ff.close();
  }
}

await firefoxPrompt();
