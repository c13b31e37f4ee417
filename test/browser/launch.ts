/**
 * Launches Debian's Chromium with the built extension loaded, every `*.example` host
 * mapped to the local fixture server. Shared by the browser tests, the demo and the benches.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../server/fixture-server.mjs';

/** Where `wxt build` puts the Chrome package, as ORRERY_OUT was when this module loaded. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '..', '..', process.env.ORRERY_OUT ?? '.output', 'chrome-mv3');

/** Where `wxt build` puts the Chrome package (read when called: scripts may set ORRERY_OUT first). */
export function extensionDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', process.env.ORRERY_OUT ?? '.output', 'chrome-mv3');
}

/** A running browser with Orrery in it. */
export interface Orrery {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker (same handle across restarts). */
  worker: () => Promise<Worker>;
  /** Opens an extension page (e.g. '/popup.html'). */
  open: (pathname: string) => Promise<Page>;
  /** Stops the service worker through CDP, as Chrome does when it is idle. */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

/** Options for launchOrrery. */
export interface LaunchOptions {
  serverPort: number;
  headless?: boolean;
  executablePath?: string;
  /** The browser's UI language (e.g. 'de'): the catalogue Orrery's pages read, and what Intl formats in. */
  lang?: string;
  /** The browser profile to use and keep (default: a new temporary one, removed on close). */
  userDataDir?: string;
  /** The unpacked extension to load (default: extensionDir()). Its path decides the extension's id. */
  extensionDir?: string;
}

/** Starts Chromium with the extension and waits for its service worker. */
export async function launchOrrery(opts: LaunchOptions): Promise<Orrery> {
  const dir = opts.extensionDir ?? extensionDir();
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no built extension at ${dir}: run "npm run build" first`);
  }
  const executablePath = opts.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'orrery-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      `--host-resolver-rules=MAP *.example 127.0.0.1:${opts.serverPort}`,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
    ],
    // On Linux, Chromium takes its UI language from LANGUAGE before --lang.
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC', ...(opts.lang ? { LANGUAGE: opts.lang } : {}) },
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(first.url()).host;
  const worker = async (): Promise<Worker> => {
    const sw = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (sw) return sw;
    return context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  const open = async (pathname: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}${pathname}`);
    return page;
  };
  const stopWorker = async (): Promise<void> => {
    const page = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`)) ?? (await open('/popup.html'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  };
  const close = async (): Promise<void> => {
    await context.close();
    if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, worker, open, stopWorker, close };
}

/** The fixture server and a browser with Orrery pointed at it: every suite's starting point. */
export interface OrreryWithServer {
  server: FixtureServer;
  orrery: Orrery;
}

/** Starts the fixture server, then Chromium with Orrery mapped to it. */
export async function launchWithFixtures(opts: { latency?: [number, number]; everyFeedExists?: boolean } = {}): Promise<OrreryWithServer> {
  const server = await startFixtureServer(opts);
  const orrery = await launchOrrery({ serverPort: server.port });
  return { server, orrery };
}

/** Closes the browser, then the server (either may be missing when setup failed). */
export async function closeAll(o: Partial<OrreryWithServer>): Promise<void> {
  await o.orrery?.close();
  await o.server?.close();
}
