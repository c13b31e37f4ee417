/**
 * Where the demo finds a browser: Chromium-family browsers (Chromium, Chrome, Edge, Brave) and
 * Firefox at the places their installers use on Linux, macOS and Windows, and, on a Debian-like
 * machine with none, the apt package that provides one. Pure: the file system is passed in.
 */
import path from 'node:path';

/** A browser family the demo can drive. */
export type BrowserFamily = 'chromium' | 'firefox';

/** What the search looks at (injected so tests can play any machine). */
export interface Machine {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  exists: (file: string) => boolean;
}

/** A browser found: its executable and a name to tell the user. */
export interface FoundBrowser {
  path: string;
  name: string;
}

type Candidate = [name: string, file: string];

function windowsCandidates(env: NodeJS.ProcessEnv, family: BrowserFamily): Candidate[] {
  const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((r): r is string => Boolean(r));
  const apps: Candidate[] =
    family === 'firefox'
      ? [['Firefox', 'Mozilla Firefox\\firefox.exe']]
      : [
          ['Chromium', 'Chromium\\Application\\chrome.exe'],
          ['Brave', 'BraveSoftware\\Brave-Browser\\Application\\brave.exe'],
          ['Google Chrome', 'Google\\Chrome\\Application\\chrome.exe'],
          ['Microsoft Edge', 'Microsoft\\Edge\\Application\\msedge.exe'],
        ];
  return apps.flatMap(([name, rel]) => roots.map((root): Candidate => [name, path.win32.join(root, rel)]));
}

function macCandidates(env: NodeJS.ProcessEnv, family: BrowserFamily): Candidate[] {
  const apps: Candidate[] =
    family === 'firefox'
      ? [['Firefox', 'Firefox.app/Contents/MacOS/firefox']]
      : [
          ['Chromium', 'Chromium.app/Contents/MacOS/Chromium'],
          ['Brave', 'Brave Browser.app/Contents/MacOS/Brave Browser'],
          ['Google Chrome', 'Google Chrome.app/Contents/MacOS/Google Chrome'],
          ['Microsoft Edge', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
        ];
  const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
  return apps.flatMap(([name, rel]) => roots.map((root): Candidate => [name, path.posix.join(root, rel)]));
}

function linuxCandidates(family: BrowserFamily): Candidate[] {
  if (family === 'firefox') {
    return [
      ['Firefox ESR', '/usr/bin/firefox-esr'],
      ['Firefox', '/usr/bin/firefox'],
      ['Firefox', '/snap/bin/firefox'],
      ['Firefox', '/opt/firefox/firefox'],
    ];
  }
  return [
    ['Chromium', '/usr/bin/chromium'],
    ['Chromium', '/usr/bin/chromium-browser'],
    ['Chromium', '/snap/bin/chromium'],
    ['Brave', '/usr/bin/brave-browser'],
    ['Brave', '/opt/brave.com/brave/brave'],
    ['Google Chrome', '/usr/bin/google-chrome'],
    ['Google Chrome', '/usr/bin/google-chrome-stable'],
    ['Google Chrome', '/opt/google/chrome/chrome'],
    ['Microsoft Edge', '/usr/bin/microsoft-edge'],
    ['Microsoft Edge', '/usr/bin/microsoft-edge-stable'],
    ['Microsoft Edge', '/opt/microsoft/msedge/msedge'],
  ];
}

/**
 * Every place to look, in order: the variable the user set (CHROMIUM_PATH, or FIREFOX_PATH),
 * then the usual installs. Chromium and Brave come before Chrome and Edge, whose branded builds
 * have dropped the switch that loads an unpacked extension.
 */
export function browserCandidates(family: BrowserFamily, machine: Pick<Machine, 'platform' | 'env'>): Candidate[] {
  const own = family === 'firefox' ? machine.env.FIREFOX_PATH : machine.env.CHROMIUM_PATH;
  const usual = machine.platform === 'win32' ? windowsCandidates(machine.env, family) : machine.platform === 'darwin' ? macCandidates(machine.env, family) : linuxCandidates(family);
  return [...(own ? [['your ' + (family === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'), own] as Candidate] : []), ...usual];
}

/** The first browser of `family` installed on the machine, or undefined. */
export function findBrowser(family: BrowserFamily, machine: Machine): FoundBrowser | undefined {
  const hit = browserCandidates(family, machine).find(([, file]) => machine.exists(file));
  return hit ? { name: hit[0], path: hit[1] } : undefined;
}

/** The apt-get command that installs Debian's browser of `family` on a Debian-like Linux (undefined elsewhere). */
export function debianInstall(family: BrowserFamily, machine: Machine): { packageName: string; command: string[] } | undefined {
  if (machine.platform !== 'linux' || !machine.exists('/usr/bin/apt-get') || !machine.exists('/etc/debian_version')) return undefined;
  const packageName = family === 'firefox' ? 'firefox-esr' : 'chromium';
  return { packageName, command: ['apt-get', 'install', '-y', packageName] };
}
