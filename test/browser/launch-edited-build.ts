/**
 * Chromium with a copy of the built extension whose manifest a test edited: a reader's browser
 * in a state the real build cannot reach from a test (a permission withheld, granted ahead, or
 * absent). The copy lives in a temporary folder and goes with `close()`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../server/fixture-server.mjs';
import { extensionDir, launchOrrery, type OrreryWithServer } from './launch';

/** The manifest fields tests edit (the rest passes through untouched). */
export interface EditableManifest {
  permissions: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
}

/** Starts the fixture server and Chromium with a copy of the build edited by `edit`. */
export async function launchEditedBuild(label: string, edit: (manifest: EditableManifest) => void): Promise<OrreryWithServer & { close: () => Promise<void> }> {
  const copy = mkdtempSync(path.join(tmpdir(), `orrery-${label}-`));
  cpSync(extensionDir(), path.join(copy, 'chrome-mv3'), { recursive: true });
  const manifestPath = path.join(copy, 'chrome-mv3', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as EditableManifest;
  edit(manifest);
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const server = await startFixtureServer();
  // launchOrrery loads the build named by ORRERY_OUT: point it at the copy for this launch only.
  const out = process.env.ORRERY_OUT;
  process.env.ORRERY_OUT = copy;
  try {
    const orrery = await launchOrrery({ serverPort: server.port });
    return {
      server,
      orrery,
      close: async () => {
        await orrery.close();
        await server.close();
        rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
    throw err;
  } finally {
    if (out === undefined) delete process.env.ORRERY_OUT;
    else process.env.ORRERY_OUT = out;
  }
}
