import { describe, expect, it } from 'vitest';
import { switchNotifications } from './notification-permission';

function fakes(granted: boolean) {
  const calls: string[] = [];
  return {
    calls,
    deps: {
      ask: () => {
        calls.push('ask');
        return Promise.resolve(granted);
      },
      giveBack: () => {
        calls.push('give back');
        return Promise.resolve(true);
      },
      save: (on: boolean) => {
        calls.push(`save ${on}`);
        return Promise.resolve();
      },
    },
  };
}

describe('switching notifications', () => {
  it('asks the browser first, synchronously, and saves "on" only when allowed', async () => {
    const { calls, deps } = fakes(true);
    const pending = switchNotifications(true, deps);
    // The prompt must be requested within the click: before the first await resolves.
    expect(calls).toEqual(['ask']);
    expect(await pending).toEqual({ on: true });
    expect(calls).toEqual(['ask', 'save true']);
  });

  it('keeps the setting off and says why when the browser refuses', async () => {
    const { calls, deps } = fakes(false);
    const r = await switchNotifications(true, deps);
    expect(r.on).toBe(false);
    expect(r.refused).toMatch(/did not allow/);
    expect(calls).toEqual(['ask']);
  });

  it('turning off saves first, then gives the permission back', async () => {
    const { calls, deps } = fakes(true);
    expect(await switchNotifications(false, deps)).toEqual({ on: false });
    expect(calls).toEqual(['save false', 'give back']);
  });
});
