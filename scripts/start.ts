// `npm start`: the demo. Builds Orrery, starts the local fixture feed server (the Planet
// Python publishers, mapped to *.example), opens a browser with the extension loaded,
// imports Planet Python's 545 subscriptions and refreshes them. With a display it stays
// open for you; without one it runs headless and writes screenshots to ./screenshots.
//
// The browser: an installed Chromium, Brave, Chrome or Edge (`--browser firefox`: Firefox),
// found where their installers put them (scripts/find-browser.ts); on a Debian-like machine
// with none, Debian's package is installed with apt-get, as .ci/run does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { debianInstall, findBrowser, type BrowserFamily, type FoundBrowser, type Machine } from './find-browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const shots = path.join(ROOT, 'screenshots');
const OPML = path.join(ROOT, 'test', 'fixtures', 'planet-python.opml');
const flag = process.argv.indexOf('--browser');
const family: BrowserFamily = flag !== -1 && /^firefox$/i.test(process.argv[flag + 1] ?? '') ? 'firefox' : 'chromium';
const machine: Machine = { platform: process.platform, env: process.env, exists: existsSync };

/** The browser to run, installed from Debian when there is none and this is a Debian-like machine. */
function browserOrInstall(): FoundBrowser {
  const found = findBrowser(family, machine);
  if (found) return found;
  const install = debianInstall(family, machine);
  const what = family === 'firefox' ? 'Firefox' : 'Chrome, Chromium, Edge or Brave';
  if (!install) {
    const variable = family === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH';
    throw new Error(`No ${what} found at the usual places. Install one, or set ${variable} to its executable.`);
  }
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log(`No ${what} found: installing Debian's ${install.packageName} (${[...sudo, ...install.command].join(' ')})…`);
  const run = (args: string[]) => execFileSync(args[0]!, args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run([...sudo, 'apt-get', 'update', '-qq']);
  run([...sudo, ...install.command]);
  const now = findBrowser(family, machine);
  if (!now) throw new Error(`apt-get installed ${install.packageName}, but no ${what} is at the usual places.`);
  return now;
}

const browser = browserOrInstall();
console.log(`Using ${browser.name} at ${browser.path}`);
console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build', ...(family === 'firefox' ? ['-b', 'firefox'] : [])], { stdio: 'inherit', cwd: ROOT });
const server = await startFixtureServer({ port: Number(process.env.PORT ?? 0), latency: [20, 80] });
console.log(`Fixture feed server on 127.0.0.1:${server.port} (every *.example host maps to it)`);

if (family === 'firefox') await firefoxDemo();
else await chromiumDemo();

async function chromiumDemo(): Promise<void> {
  const { launchOrrery } = await import('../test/browser/launch');
  const { waitForRefresh } = await import('../test/browser/helpers');
  const orrery = await launchOrrery({ serverPort: server.port, headless, executablePath: browser.path });
  console.log(`${browser.name} ${headless ? '(headless) ' : ''}running with Orrery ${orrery.extensionId}`);
  const options = await orrery.open('/options.html');
  await options.getByTestId('opml-file').setInputFiles(OPML);
  await options.getByTestId('import-report').waitFor({ timeout: 60_000 });
  console.log(`Imported: ${await options.getByTestId('import-report').innerText()}`);
  const timeline = await orrery.open('/timeline.html');
  const since = Date.now();
  await timeline.getByTestId('refresh-all').click();
  await waitForRefresh(timeline, since, 180_000);
  await timeline.getByTestId('entry').first().waitFor({ timeout: 30_000 });
  console.log('Refreshed: the river is ready.');
  if (headless) {
    mkdirSync(shots, { recursive: true });
    await timeline.screenshot({ path: path.join(shots, 'timeline.png') });
    await timeline.getByTestId('view-titles').click();
    await timeline.screenshot({ path: path.join(shots, 'timeline-titles.png') });
    const popup = await orrery.open('/popup.html');
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.getByTestId('recent-entry').first().waitFor();
    await popup.screenshot({ path: path.join(shots, 'popup.png') });
    await options.reload();
    await options.getByTestId('subscription').first().waitFor();
    await options.screenshot({ path: path.join(shots, 'options.png') });
    console.log(`No display: screenshots of the popup, timeline and options pages are in ${shots}/`);
    await orrery.close();
    await server.close();
    return;
  }
  console.log('Orrery is open. Press Ctrl-C to stop.');
  const stop = async () => {
    await orrery.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  orrery.context.on('close', () => void stop());
}

async function firefoxDemo(): Promise<void> {
  process.env.FIREFOX_PATH = browser.path;
  const { launchFirefox } = await import('../test/firefox/firefox');
  const { waitForRefresh, tid } = await import('../test/firefox/page-helpers');
  const ff = await launchFirefox({ serverPort: server.port, headless });
  console.log(`${browser.name} ${headless ? '(headless) ' : ''}running with Orrery (${ff.origin})`);
  const options = await ff.open('/options.html');
  const input = await options.waitForSelector(tid('opml-file'));
  await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(OPML);
  await options.waitForSelector(tid('import-report'), { timeout: 60_000 });
  await options.waitForFunction((s) => /added/.test(document.querySelector(s)?.textContent ?? ''), { timeout: 60_000 }, tid('import-report'));
  console.log(`Imported: ${await options.$eval(tid('import-report'), (el) => (el as HTMLElement).innerText)}`);
  const timeline = await ff.open('/timeline.html');
  const since = Date.now();
  await (await timeline.waitForSelector(tid('refresh-all')))!.click();
  await waitForRefresh(timeline, since, 180_000);
  await timeline.waitForSelector(tid('entry'), { timeout: 30_000 });
  console.log('Refreshed: the river is ready.');
  if (headless) {
    mkdirSync(shots, { recursive: true });
    await timeline.screenshot({ path: path.join(shots, 'firefox-timeline.png') });
    const popup = await ff.open('/popup.html');
    await popup.setViewport({ width: 380, height: 600 });
    await popup.waitForSelector(tid('recent-entry'));
    await popup.screenshot({ path: path.join(shots, 'firefox-popup.png') });
    await options.reload({ waitUntil: [] });
    await options.waitForSelector(tid('subscription'), { timeout: 60_000 });
    await options.screenshot({ path: path.join(shots, 'firefox-options.png') });
    console.log(`No display: screenshots of the popup, timeline and options pages are in ${shots}/ (firefox-*.png)`);
    await ff.close();
    await server.close();
    return;
  }
  console.log('Orrery is open in Firefox. Press Ctrl-C to stop.');
  const stop = async () => {
    await ff.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  ff.browser.on('disconnected', () => void stop());
}
