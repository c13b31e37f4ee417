/**
 * A sync service whose certificate Chromium does not trust (self-signed, made here with
 * openssl) is named as a certificate problem at `sync-status`, not as "cannot reach"; a closed
 * port is "cannot reach". fetch() rejects both with the same TypeError: the words come from
 * the browser's own error report (webRequest), which may arrive after fetch has failed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttps, type Server } from 'node:https';
import { createServer as createNet, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, launchWithFixtures, type OrreryWithServer } from './launch';

/** A free port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createNet().listen(0, '127.0.0.1');
  await new Promise((r) => s.once('listening', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe('sync errors: an untrusted certificate and a closed port', () => {
  let o: OrreryWithServer;
  let options: Page;
  let https: Server;
  let dir: string;
  let served = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'orrery-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '2', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    https = createHttps({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) }, (_req, res) => {
      served++;
      res.end('SID=x\nLSID=null\nAuth=u/abc\n');
    });
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    o = await launchWithFixtures();
    options = await o.orrery.open('/options.html');
  });
  afterAll(async () => {
    await closeAll(o);
    https?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const connect = async (server: string) => {
    await options.getByTestId('sync-server').fill(server);
    await options.getByTestId('sync-username').fill('u');
    await options.getByTestId('sync-password').fill('p');
    await options.getByTestId('sync-connect').click();
  };
  const status = () => options.getByTestId('sync-status').textContent();

  it("a self-signed certificate is named as the certificate, with the browser's reason", async () => {
    const { port } = https.address() as AddressInfo;
    const server = `https://127.0.0.1:${port}/api/greader.php`;
    await connect(server);
    await expect.poll(status, { timeout: 30_000 }).toContain(`The certificate of ${server} was refused`);
    expect(await status()).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
    expect(served).toBe(0);
  });

  it("a closed port is 'cannot reach', with the browser's reason", async () => {
    const server = `http://127.0.0.1:${await closedPort()}/api/greader.php`;
    await connect(server);
    await expect.poll(status, { timeout: 30_000 }).toContain(`Cannot reach ${server}`);
    expect(await status()).toMatch(/ERR_CONNECTION_REFUSED/);
  });
});
