// `npm start`: the demo. Builds Orrery, starts the local fixture feed server (the Planet
// Python publishers, mapped to *.example), opens Chromium with the extension loaded,
// imports Planet Python's 545 subscriptions and refreshes them. With a display it stays
// open for you; without one it runs headless and writes screenshots to ./screenshots.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from '../test/server/fixture-server.mjs';
import { launchOrrery } from '../test/browser/launch';
import { waitForRefresh } from '../test/browser/helpers';

const ROOT = path.resolve(import.meta.dirname, '..');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const shots = path.join(ROOT, 'screenshots');

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });
const server = await startFixtureServer({ port: Number(process.env.PORT ?? 0), latency: [20, 80] });
console.log(`Fixture feed server on 127.0.0.1:${server.port} (every *.example host maps to it)`);
const orrery = await launchOrrery({ serverPort: server.port, headless });
console.log(`Chromium ${headless ? '(headless) ' : ''}running with Orrery ${orrery.extensionId}`);

const options = await orrery.open('/options.html');
await options.getByTestId('opml-file').setInputFiles(path.join(ROOT, 'test', 'fixtures', 'planet-python.opml'));
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
} else {
  console.log('Orrery is open. Press Ctrl-C to stop.');
  const stop = async () => {
    await orrery.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  orrery.context.on('close', () => void stop());
}
