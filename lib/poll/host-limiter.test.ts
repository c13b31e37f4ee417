import { describe, expect, it } from 'vitest';
import { createHostLimiter } from './host-limiter';

/** A task the test finishes by hand, recording the concurrency it saw when it started. */
interface Manual {
  url: string;
  started: boolean;
  finish(value?: string): void;
  fail(err: Error): void;
}

function harness(perHost: number, global: number) {
  const limiter = createHostLimiter({ perHost, global });
  const running = new Map<string, number>();
  const log: string[] = [];
  let peak = 0;
  let peakPerHost = 0;
  const submit = (name: string, url: string): { task: Manual; result: Promise<string> } => {
    let finish: (v: string) => void = () => {};
    let fail: (e: Error) => void = () => {};
    const task: Manual = {
      url,
      started: false,
      finish: (v = name) => finish(v),
      fail: (e) => fail(e),
    };
    const host = new URL(url).host;
    const result = limiter.run(url, () => {
      task.started = true;
      log.push(name);
      running.set(host, (running.get(host) ?? 0) + 1);
      peak = Math.max(peak, Array.from(running.values()).reduce((a, b) => a + b, 0));
      peakPerHost = Math.max(peakPerHost, ...Array.from(running.values()));
      return new Promise<string>((resolve, reject) => {
        let settled = false;
        // Finishing twice must not count the task out twice.
        const done = (): boolean => {
          if (settled) return false;
          settled = true;
          running.set(host, (running.get(host) ?? 1) - 1);
          return true;
        };
        finish = (v) => {
          if (done()) resolve(v);
        };
        fail = (e) => {
          if (done()) reject(e);
        };
      });
    });
    return { task, result };
  };
  return { limiter, submit, log, peaks: () => ({ peak, peakPerHost }) };
}

/** Lets pending promise callbacks (slot releases, next starts) run. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('createHostLimiter', () => {
  it.each<[string, number, number, string[], number, number]>([
    ['one per host, six overall, one host', 1, 6, Array(5).fill('https://a.example/'), 1, 1],
    ['one per host, six overall, ten hosts', 1, 6, Array.from({ length: 10 }, (_, i) => `https://h${i}.example/`), 6, 1],
    ['two per host, three overall', 2, 3, ['https://a.example/1', 'https://a.example/2', 'https://a.example/3', 'https://b.example/'], 3, 2],
    ['no global limit', 1, Infinity, ['https://a.example/', 'https://b.example/', 'https://a.example/x'], 2, 1],
  ])('respects the limits: %s', async (_name, perHost, global, urls, expectedPeak, expectedPerHost) => {
    const h = harness(perHost, global);
    const submitted = urls.map((u, i) => h.submit(`t${i}`, u));
    // Each round, finish whatever is running and let the limiter start the next ones.
    for (let round = 0; round < urls.length && h.limiter.active() + h.limiter.queued() > 0; round++) {
      await flush();
      for (const s of submitted) if (s.task.started) s.task.finish();
    }
    expect(await Promise.all(submitted.map((s) => s.result))).toEqual(urls.map((_, i) => `t${i}`));
    expect(h.peaks()).toEqual({ peak: expectedPeak, peakPerHost: expectedPerHost });
    expect(h.limiter.active()).toBe(0);
    expect(h.limiter.queued()).toBe(0);
  });

  it('does not let one busy host starve the others', async () => {
    const h = harness(1, 2);
    const busy = Array.from({ length: 5 }, (_, i) => h.submit(`a${i}`, 'https://a.example/feed' + i));
    const b = h.submit('b', 'https://b.example/feed');
    const c = h.submit('c', 'https://c.example/feed');
    await flush();
    // a0 holds host a; a1..a4 wait on it, so b takes the second slot despite arriving later.
    expect(h.log).toEqual(['a0', 'b']);
    b.task.finish();
    await flush();
    expect(h.log).toEqual(['a0', 'b', 'c']);
    busy[0]?.task.finish();
    await flush();
    // Host a is free again and a1 is the oldest waiter.
    expect(h.log).toEqual(['a0', 'b', 'c', 'a1']);
    c.task.finish();
    for (const t of busy.slice(1)) {
      await flush();
      t.task.finish();
    }
    await Promise.all([...busy.map((t) => t.result), b.result, c.result]);
    expect(h.log).toEqual(['a0', 'b', 'c', 'a1', 'a2', 'a3', 'a4']);
  });

  it.each([
    ['case of the hostname', 'https://EXAMPLE.com/a', 'https://example.com/b', true],
    ['path and query', 'https://example.com/a?x=1', 'https://example.com/b', true],
    ['default port', 'https://example.com:443/a', 'https://example.com/b', true],
    ['another port', 'https://example.com:8443/a', 'https://example.com/b', false],
    ['another subdomain', 'https://blog.example.com/', 'https://example.com/', false],
  ])('groups hosts by hostname and port: %s', async (_name, first, second, sameHost) => {
    const h = harness(1, 6);
    const one = h.submit('one', first);
    h.submit('two', second);
    await flush();
    expect(h.log).toEqual(sameHost ? ['one'] : ['one', 'two']);
    one.task.finish();
  });

  it('passes errors to the caller and frees the slot', async () => {
    const h = harness(1, 1);
    const failing = h.submit('bad', 'https://a.example/');
    const next = h.submit('next', 'https://a.example/');
    await flush();
    failing.task.fail(new Error('boom'));
    await expect(failing.result).rejects.toThrow('boom');
    await flush();
    expect(next.task.started).toBe(true);
    next.task.finish();
    await expect(next.result).resolves.toBe('next');
    expect(h.limiter.active()).toBe(0);
  });

  it('frees the slot when a task throws synchronously', async () => {
    const limiter = createHostLimiter({ perHost: 1, global: 1 });
    const thrown = limiter.run('https://a.example/', () => {
      throw new Error('sync');
    });
    await expect(thrown).rejects.toThrow('sync');
    await expect(limiter.run('https://a.example/', async () => 'ok')).resolves.toBe('ok');
    expect(limiter.active()).toBe(0);
  });

  it('treats an unparseable URL as a host of its own', async () => {
    const limiter = createHostLimiter({ perHost: 1, global: 6 });
    await expect(limiter.run('not a url', async () => 42)).resolves.toBe(42);
  });

  it('counts active and queued tasks', async () => {
    const h = harness(1, 6);
    h.submit('a', 'https://a.example/');
    h.submit('a2', 'https://a.example/2');
    h.submit('b', 'https://b.example/');
    await flush();
    expect(h.limiter.active()).toBe(2);
    expect(h.limiter.queued()).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %s', (bad) => {
    expect(() => createHostLimiter({ perHost: bad, global: 6 })).toThrow(RangeError);
    expect(() => createHostLimiter({ perHost: 1, global: bad })).toThrow(RangeError);
  });
});
