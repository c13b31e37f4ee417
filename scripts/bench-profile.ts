// Stores kept between runs of `bench:ingest` (ORRERY_BENCH_PROFILE_DIR=<dir>): the first run
// saves the browser profile the product wrote (and the seeded one) in <dir>; later runs measure
// pages on a fresh copy of it, so an experiment costs minutes, not a 100,000-post ingest, and
// no run changes what the next one reads.
//
// <dir>/product, <dir>/seeded   the saved profiles (browser closed), with <name>.json beside them
// <dir>/run-<name>              the working copy a run launches on (replaced before each launch;
//                               without the kept service worker registration, which Chromium
//                               would run instead of the build's own worker script)
// <dir>/ext/chrome-mv3          the build under test, copied here before each launch: an unpacked
//                               extension's id comes from its path, and the store belongs to the id,
//                               so every build must load from the same path to read the same store
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What a saved profile holds and how it was made. */
export interface ProfileMeta {
  /** The size asked for (ORRERY_BENCH_POSTS), and posts stored (the counts record). */
  total?: number;
  stored: number;
  /** The fixture server's generated-feed clock (gen.base) and step when the profile was saved. */
  base: number;
  step: number;
  perStep: number;
  feeds: number;
  folders?: number;
  /** The build that wrote it, and when. */
  build: string;
  made: string;
  /** Ingest figures of the run that wrote it (product store only). */
  ingest?: { posts: number; ms: number; cpuMs: number };
}

/** Files Chromium keeps only while it runs (a copy with them looks locked). */
const LOCKS = new Set(['SingletonLock', 'SingletonSocket', 'SingletonCookie', 'lockfile']);
const copyProfile = (from: string, to: string) => {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, verbatimSymlinks: true, filter: (src) => !LOCKS.has(path.basename(src)) });
};

/** The saved profiles under `dir`. */
export function profileStore(dir: string) {
  const root = path.resolve(dir);
  const saved = (name: string) => path.join(root, name);
  const metaFile = (name: string) => path.join(root, `${name}.json`);
  const ext = path.join(root, 'ext', 'chrome-mv3');
  return {
    /** The extension path every build is launched from. */
    ext,
    /** The saved profile `name`'s description, if there is one. */
    meta(name: string): ProfileMeta | undefined {
      return existsSync(metaFile(name)) && existsSync(saved(name)) ? (JSON.parse(readFileSync(metaFile(name), 'utf8')) as ProfileMeta) : undefined;
    },
    /** Puts the build in `outDir` (an ORRERY_OUT) at the fixed extension path. */
    stageBuild(outDir: string): string {
      const from = path.resolve(outDir, 'chrome-mv3');
      if (!existsSync(path.join(from, 'manifest.json'))) throw new Error(`no built extension at ${from}`);
      rmSync(ext, { recursive: true, force: true });
      mkdirSync(path.dirname(ext), { recursive: true });
      cpSync(from, ext, { recursive: true });
      return ext;
    },
    /** A fresh working copy of saved profile `name` (an empty directory when none is saved yet, or `empty`). */
    workCopy(name: string, empty = false): string {
      const work = path.join(root, `run-${name}`);
      if (!empty && existsSync(saved(name))) {
        copyProfile(saved(name), work);
        // The kept worker script would run instead of the build's (Chromium keeps it in the profile).
        rmSync(path.join(work, 'Default', 'Service Worker'), { recursive: true, force: true });
      }
      else {
        rmSync(work, { recursive: true, force: true });
        mkdirSync(work, { recursive: true });
      }
      return work;
    },
    /** Keeps the working copy of `name` (its browser closed) as the saved profile. */
    save(name: string, meta: ProfileMeta): void {
      copyProfile(path.join(root, `run-${name}`), saved(name));
      writeFileSync(metaFile(name), JSON.stringify(meta, null, 2));
    },
  };
}

export type ProfileStore = ReturnType<typeof profileStore>;
