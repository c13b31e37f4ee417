import { describe, expect, it } from 'vitest';
import { browserCandidates, debianInstall, findBrowser, type Machine } from '../../scripts/find-browser';

const machine = (platform: NodeJS.Platform, files: string[], env: NodeJS.ProcessEnv = {}): Machine => ({ platform, env, exists: (f) => files.includes(f) });

describe('findBrowser', () => {
  it('finds Debian’s Chromium, and prefers it to Chrome (which no longer loads unpacked extensions from the command line)', () => {
    expect(findBrowser('chromium', machine('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toEqual({ name: 'Chromium', path: '/usr/bin/chromium' });
    expect(findBrowser('chromium', machine('linux', ['/opt/microsoft/msedge/msedge']))).toEqual({ name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' });
    expect(findBrowser('chromium', machine('linux', ['/opt/brave.com/brave/brave', '/usr/bin/google-chrome-stable']))?.name).toBe('Brave');
  });

  it('finds browsers where macOS installs them, in /Applications or ~/Applications', () => {
    expect(findBrowser('chromium', machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']))?.name).toBe('Google Chrome');
    expect(findBrowser('chromium', machine('darwin', ['/Users/ada/Applications/Brave Browser.app/Contents/MacOS/Brave Browser'], { HOME: '/Users/ada' }))?.name).toBe('Brave');
    expect(findBrowser('firefox', machine('darwin', ['/Applications/Firefox.app/Contents/MacOS/firefox']))?.name).toBe('Firefox');
  });

  it('finds browsers where Windows installs them, per user or per machine', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findBrowser('chromium', machine('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], env))).toEqual({
      name: 'Microsoft Edge',
      path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    });
    expect(findBrowser('chromium', machine('win32', ['C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'], env))?.name).toBe('Google Chrome');
    expect(findBrowser('firefox', machine('win32', ['C:\\Program Files\\Mozilla Firefox\\firefox.exe'], env))?.name).toBe('Firefox');
  });

  it('takes CHROMIUM_PATH or FIREFOX_PATH first, and finds nothing on a machine without a browser', () => {
    expect(findBrowser('chromium', machine('linux', ['/usr/bin/chromium', '/x/chrome'], { CHROMIUM_PATH: '/x/chrome' }))?.path).toBe('/x/chrome');
    expect(findBrowser('firefox', machine('linux', ['/usr/bin/firefox-esr', '/y/ff'], { FIREFOX_PATH: '/y/ff' }))?.path).toBe('/y/ff');
    expect(findBrowser('firefox', machine('linux', ['/usr/bin/firefox-esr']))).toEqual({ name: 'Firefox ESR', path: '/usr/bin/firefox-esr' });
    expect(findBrowser('chromium', machine('linux', []))).toBeUndefined();
    expect(browserCandidates('chromium', { platform: 'linux', env: {} }).length).toBeGreaterThan(5);
  });
});

describe('debianInstall', () => {
  it('installs Debian’s Chromium or Firefox ESR with apt-get on a Debian-like machine only', () => {
    const debian = machine('linux', ['/usr/bin/apt-get', '/etc/debian_version']);
    expect(debianInstall('chromium', debian)).toEqual({ packageName: 'chromium', command: ['apt-get', 'install', '-y', 'chromium'] });
    expect(debianInstall('firefox', debian)?.packageName).toBe('firefox-esr');
    expect(debianInstall('chromium', machine('linux', ['/usr/bin/dnf']))).toBeUndefined();
    expect(debianInstall('chromium', machine('darwin', ['/usr/bin/apt-get', '/etc/debian_version']))).toBeUndefined();
  });
});
