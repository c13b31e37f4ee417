/** The poller's run brackets: what starts with a polling run ends with it. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/test-db';
import { createPoller } from './create-poller';

describe('createPoller', () => {
  it('starts whileRunning as a run starts and stops it as the run ends, once per run', async () => {
    const db = await freshDb();
    const events: string[] = [];
    const poller = createPoller({
      db: async () => {
        events.push('run');
        return db;
      },
      fetch: () => Promise.reject(new Error('no feed is due')),
      now: () => Date.UTC(2026, 0, 1),
      onChange: () => undefined,
      whileRunning: () => {
        events.push('start');
        return () => events.push('stop');
      },
    });
    // Two calls during one run share it.
    await Promise.all([poller.pollDue(), poller.pollDue()]);
    expect(events).toEqual(['start', 'run', 'stop']);
    await poller.pollDue();
    expect(events).toEqual(['start', 'run', 'stop', 'start', 'run', 'stop']);
  });

  it('stops it when the run fails', async () => {
    const events: string[] = [];
    const poller = createPoller({
      db: () => Promise.reject(new Error('no database')),
      fetch: () => Promise.reject(new Error('unused')),
      now: () => 0,
      onChange: () => undefined,
      whileRunning: () => {
        events.push('start');
        return () => events.push('stop');
      },
    });
    await poller.pollDue();
    expect(events).toEqual(['start', 'stop']);
  });
});
