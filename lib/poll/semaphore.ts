/** A counting semaphore: at most `size` tasks run at once, the others wait in order. */

/** Runs tasks under a limit. */
export interface Semaphore {
  /** Runs `task` once fewer than the limit are running; settles as the task does. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/** Creates a semaphore of `size` permits (at least 1). */
export function createSemaphore(size: number): Semaphore {
  const limit = Math.max(1, Math.floor(size));
  const waiting: (() => void)[] = [];
  let running = 0;
  const next = () => {
    if (running < limit) waiting.shift()?.();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          running++;
          let p: Promise<T>;
          try {
            p = Promise.resolve(task());
          } catch (err) {
            p = Promise.reject(err);
          }
          p.then(resolve, reject).finally(() => {
            running--;
            next();
          });
        });
        next();
      });
    },
  };
}
