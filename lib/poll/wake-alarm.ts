/** The background's one polling alarm, set to the next due feed (see planNextWake). */
import type { Db } from '../db/open-db';
import { nextDueAt } from '../db/feeds';
import { coalesce } from '../util/coalesce';
import { planNextWake, WAKE_SAFETY_NET_MINUTES, type WakeSettings } from './plan-next-wake';

/** The alarm's name: its firing runs the due polls. */
export const POLL_ALARM = 'poll';

/** The part of the browser's alarms API the wake alarm uses. */
export interface AlarmsLike {
  create(name: string, info: { when: number; periodInMinutes: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** What setting the alarm needs. */
export interface WakeAlarmDeps {
  db: () => Promise<Db>;
  now: () => number;
  settings: () => Promise<WakeSettings>;
  alarms: AlarmsLike;
}

/**
 * Returns `plan()`: reads when the next feed is due and sets the alarm to it. Calls made while
 * one is under way are folded into one more, so the last state read is always the newest.
 * The alarm repeats every {@link WAKE_SAFETY_NET_MINUTES} after it fired, until the wake it
 * started plans the next one: a worker stopped mid-run still wakes again.
 */
export function createWakeAlarm(deps: WakeAlarmDeps): () => Promise<void> {
  return coalesce(async () => {
    const [due, settings] = await Promise.all([deps.db().then(nextDueAt), deps.settings()]);
    const when = planNextWake(due === undefined ? [] : [due], deps.now(), settings);
    if (when === undefined) await deps.alarms.clear(POLL_ALARM);
    else await deps.alarms.create(POLL_ALARM, { when, periodInMinutes: WAKE_SAFETY_NET_MINUTES });
  });
}
