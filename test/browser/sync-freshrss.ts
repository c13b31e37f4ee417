/**
 * The FreshRSS kit of ../shared/freshrss (an unmodified FreshRSS on PHP's built-in server) for
 * the sync tests and bench:sync: started on a free port with its own data directory, stopped
 * and started again on the same port and data (a service that goes down and comes back).
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** Where the kit is: ../shared/freshrss beside the repository, or FRESHRSS_KIT. */
export const KIT_DIR = process.env.FRESHRSS_KIT ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'freshrss');

/** Why the kit cannot run here (undefined when it can). */
export function kitMissing(): string | undefined {
  if (!existsSync(path.join(KIT_DIR, 'start.sh'))) return `no FreshRSS kit at ${KIT_DIR}`;
  const php = process.env.PATH?.split(':').some((d) => existsSync(path.join(d, 'php')));
  if (!php) return 'php is not installed (see .ci/run: php-cli php-sqlite3 php-curl php-xml php-mbstring php-intl php-zip php-gmp)';
  return undefined;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running FreshRSS. */
export interface FreshRss {
  /** The Google Reader API address. */
  api: string;
  /** The web UI address (what a user might paste by mistake). */
  web: string;
  user: string;
  apiPassword: string;
  /** FreshRSS's own directory (for its cli/ scripts). */
  appDir: string;
  /** Refreshes every feed (the CLI; asynchronous so an in-process feed server stays responsive). */
  actualize(): Promise<string>;
  /** Stops the server (the data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

/** Starts FreshRSS; its feed requests go to `feedPort` (every host), like Chromium's mapping. */
export async function startFreshRss(opts: { feedPort: number; dataDir?: string }): Promise<FreshRss> {
  const port = await freePort();
  // An existing data directory (a loaded service) is reused and kept; a new one is removed at the end.
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'orrery-freshrss-'));
  const apiPassword = 'orrery-api-password';
  const api = `http://127.0.0.1:${port}/api/greader.php`;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    let stderr = '';
    const proc = spawn(path.join(KIT_DIR, 'start.sh'), [String(port), dataDir], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, FRESHRSS_CURL_CONNECT_TO: `::127.0.0.1:${opts.feedPort}`, FRESHRSS_API_PASSWORD: apiPassword, FRESHRSS_NO_APT: '1' },
    });
    proc.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
    child = proc;
    const until = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`FreshRSS exited (${proc.exitCode}): ${stderr.slice(-500)}`);
      try {
        if ((await (await fetch(api)).text()) === 'OK') return;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`FreshRSS not ready after 60 s: ${stderr.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      process.kill(-proc.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
  };
  await start();
  return {
    api,
    web: `http://127.0.0.1:${port}/i/`,
    user: 'orrery',
    apiPassword,
    appDir: path.join(dataDir, 'FreshRSS'),
    actualize: async () => (await promisify(execFile)('php', [path.join(dataDir, 'FreshRSS/cli/actualize-user.php'), '--user', 'orrery'])).stdout,
    stop,
    start,
    dispose: async () => {
      await stop();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
