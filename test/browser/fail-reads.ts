/**
 * Run in an extension page (`page.evaluate(failReads)`, Playwright or Puppeteer): from then on,
 * while `window.orreryFailReads` is true, every transaction the page opens is aborted once its
 * requests went out, as a version change or a connection the browser closes aborts it.
 * `page.evaluate(letReads)` lets them through again.
 */
export function failReads(): void {
  const w = window as unknown as { orreryFailReads: boolean };
  w.orreryFailReads = true;
  const proto = IDBDatabase.prototype;
  const open = proto.transaction;
  proto.transaction = function (this: IDBDatabase, ...a: Parameters<IDBDatabase['transaction']>) {
    const tx = open.apply(this, a);
    if (w.orreryFailReads) queueMicrotask(() => tx.abort());
    return tx;
  } as IDBDatabase['transaction'];
}

export function letReads(): void {
  (window as unknown as { orreryFailReads: boolean }).orreryFailReads = false;
}
