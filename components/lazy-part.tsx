/**
 * A component whose module loads when it is first rendered (a dynamic import: its own chunk),
 * so the page's first screen does not fetch, compile and run it. It renders nothing until its
 * module is in; every instance after that renders at once.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** `load` imports the module and picks the component (e.g. `() => import('./x').then((m) => m.X)`). */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, name: string): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        // A later render tries again (an extension update can replace the chunk under an open page).
        loading = undefined;
        throw err;
      },
    ));
  function LazyPart(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        () => live && setReady(true),
        (err: unknown) => console.error(`[orrery:ui] could not load ${name}`, err),
      );
      return () => {
        live = false;
      };
    }, []);
    const C = loaded;
    return C ? <C {...props} /> : null;
  }
  LazyPart.displayName = `Lazy(${name})`;
  return LazyPart;
}
