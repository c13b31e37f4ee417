/**
 * CDP commands sent to the extension's service worker (heap, CPU profile). Playwright gives
 * no CDP session on a worker, so this goes through a browser-level session and
 * Target.sendMessageToTarget (replies arrive as Target.receivedMessageFromTarget events).
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

/** A channel to the worker's DevTools target. */
export interface WorkerCdp {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

/** Attaches to the service worker of the extension with `extensionId`. */
export async function attachToWorker(context: BrowserContext, extensionId: string): Promise<WorkerCdp> {
  const browser = context.browser();
  if (!browser) throw new Error('worker-cdp: no browser handle for this context');
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!target) throw new Error('worker-cdp: the service worker is not running');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  return {
    send<T>(method: string, params: object = {}): Promise<T> {
      const id = nextId++;
      const reply = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return reply;
    },
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}

/** The worker's used JS heap in bytes, after a garbage collection. */
export async function workerHeapUsed(cdp: WorkerCdp): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Busy time of a CPU profile, and the functions that took most of it (self time). */
export interface CpuReport {
  busyMs: number;
  top: { name: string; ms: number }[];
}

/** Starts sampling the worker's CPU; the returned function stops and reports busy time. */
export async function startWorkerCpu(cdp: WorkerCdp): Promise<() => Promise<CpuReport>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send<{ profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }>('Profiler.stop');
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let busyUs = 0;
    profile.samples.forEach((node, i) => {
      // timeDeltas[i] is the time since the previous sample: attribute it to this one.
      if (idle.has(node)) return;
      const dt = profile.timeDeltas[i] ?? 0;
      busyUs += dt;
      const f = byNode.get(node)?.callFrame;
      const name = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}` : '?';
      self.set(name, (self.get(name) ?? 0) + dt);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, us]) => ({ name, ms: us / 1000 }));
    return { busyMs: busyUs / 1000, top };
  };
}
