/**
 * Launches Debian's Firefox ESR with the built Firefox extension installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi (no geckodriver), every `*.example`
 * host sent to the local fixture server through a PAC. Shared by the Firefox suites and the demo.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** Where `wxt build -b firefox` puts the package (read when called: scripts may set ORRERY_OUT first). */
export function firefoxExtensionDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', process.env.ORRERY_OUT ?? '.output', 'firefox-mv3');
}

/** The Firefox to run: FIREFOX_PATH, else Debian's ESR or a plain firefox at the usual place; undefined when none. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  const candidates = env.FIREFOX_PATH ? [env.FIREFOX_PATH] : ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];
  return candidates.find((p) => exists(p));
}

/** Why the Firefox suite did not run, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  if (findFirefox()) return undefined;
  return process.env.FIREFOX_PATH
    ? `no Firefox at FIREFOX_PATH=${process.env.FIREFOX_PATH}`
    : 'no Firefox ESR at /usr/bin/firefox-esr (apt-get install -y firefox-esr, or set FIREFOX_PATH)';
}

// moz-extension://<uuid>/ is random per profile unless pinned by a pref.
const UUID = '6f1d2c3b-4a5e-4b7c-8d9e-0a1b2c3d4e5f';

/** A running Firefox with Orrery in it. */
export interface FirefoxOrrery {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  addonId: string;
  /** Opens an extension page (e.g. '/popup.html') in a new tab and waits for its document. */
  open: (pathname: string) => Promise<Page>;
  /** Opens a web page in a new tab. */
  visit: (url: string) => Promise<Page>;
  /** Stops the background page, as about:debugging's "Terminate background script" does. */
  terminateBackground: () => Promise<void>;
  /** Changes a pref while Firefox runs. */
  setPref: (name: string, value: boolean | number | string) => Promise<void>;
  /** Firefox's console lines from extension pages and the background (with devtools.console.stdout.content). */
  logs: string[];
  close: () => Promise<void>;
}

/** Options for launchFirefox. */
export interface FirefoxLaunchOptions {
  serverPort: number;
  headless?: boolean;
  /** Extra prefs (user.js of the temporary profile). */
  prefs?: Record<string, boolean | number | string>;
  /** Install the extension (default true). */
  install?: boolean;
}

/** Starts Firefox with the Firefox build of Orrery installed. */
export async function launchFirefox(opts: FirefoxLaunchOptions): Promise<FirefoxOrrery> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(firefoxMissing());
  const dir = firefoxExtensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`no built extension at ${dir}: run "npx wxt build -b firefox" first`);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const pac = `function FindProxyForURL(url, host) { return dnsDomainIs(host, '.example') ? 'PROXY 127.0.0.1:${opts.serverPort}' : 'DIRECT'; }`;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: opts.headless ?? true,
    // Without it BiDi refuses to navigate to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
    protocolTimeout: 120_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
      // What users get: host permissions granted at install, the JSON viewer on.
      'extensions.originControls.grantByDefault': true,
      'devtools.jsonview.enabled': true,
      'devtools.console.stdout.content': true,
      // permissions.request() from a click grants without a doorhanger nobody can click.
      'extensions.webextOptionalPermissionPrompts': false,
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:text/plain,${encodeURIComponent(pac)}`,
      'browser.download.always_ask_before_handling_new_types': false,
      ...opts.prefs,
    },
  });
  // Extension pages send no BiDi console events: Firefox's own output is the only record.
  const logs: string[] = [];
  const proc = browser.process();
  for (const input of [proc?.stdout, proc?.stderr]) {
    if (!input) continue;
    readline.createInterface({ input }).on('line', (line) => {
      if (/^(console\.\w+|JavaScript (error|warning)): /.test(line)) logs.push(line);
    });
  }
  if (opts.install !== false) await browser.installExtension(dir);
  const origin = `moz-extension://${UUID}`;

  const open = async (pathname: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    // Firefox's BiDi sends no load events for extension documents: poll the document instead.
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(`${origin}${pathname}`, { waitUntil: [] });
        break;
      } catch (err) {
        // Right after the install, on a loaded machine, the add-on's pages may not be served yet:
        // the navigation fails with NS_ERROR_NOT_AVAILABLE (seen once in the first page of a file).
        if (attempt >= 5 || !String(err).includes('NS_ERROR_NOT_AVAILABLE')) throw err;
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
    await page.waitForFunction((o) => location.origin === o && document.readyState === 'complete', { timeout: 60_000 }, origin);
    return page;
  };
  const visit = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    return page;
  };
  // The chrome-scope context of BiDi: privileged code, as about:debugging runs.
  const chromeCall = async (functionDeclaration: string, args: string[]): Promise<void> => {
    const conn = (browser as unknown as { connection: { send: (m: string, p: object) => Promise<{ result: { contexts: { context: string }[] } }> } }).connection;
    const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0]?.context;
    if (!context) throw new Error('no chrome context');
    await conn.send('script.callFunction', {
      target: { context },
      awaitPromise: true,
      arguments: args.map((value) => ({ type: 'string', value })),
      functionDeclaration,
    });
  };
  const terminateBackground = () =>
    chromeCall(
      `async (id) => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        await ExtensionParent.GlobalManager.getExtension(id).terminateBackground();
      }`,
      [addonId],
    );
  const setPref = (name: string, value: boolean | number | string) =>
    chromeCall(
      `async (name, json) => {
        const v = JSON.parse(json);
        if (typeof v === 'boolean') Services.prefs.setBoolPref(name, v);
        else if (typeof v === 'number') Services.prefs.setIntPref(name, v);
        else Services.prefs.setStringPref(name, v);
      }`,
      [name, JSON.stringify(value)],
    );
  const close = async (): Promise<void> => {
    await browser.close().catch(() => undefined);
  };
  return { browser, origin, addonId, open, visit, terminateBackground, setPref, logs, close };
}

/** Orrery's own errors among Firefox's console lines (the "[orrery:" prefix every console.error of Orrery carries). */
export function orreryErrors(logs: string[]): string[] {
  return logs.filter((l) => l.startsWith('console.error') && l.includes('[orrery:'));
}
