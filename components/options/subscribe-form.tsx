/** Subscribe by URL: a feed's address or a site's. */
import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/protocol';

/** The subscribe form with its own error and success messages. */
export function SubscribeForm() {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const r = await send({ type: 'subscribe', url });
      if (r.ok) {
        setDone(`Subscribed to ${url}.`);
        setUrl('');
      } else setError(r.error);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="subscribe" onSubmit={(e) => void submit(e)} aria-describedby="subscribe-msg">
      <label class="sr-only" for="subscribe-url">
        Feed or site address
      </label>
      <input
        id="subscribe-url"
        type="text"
        inputMode="url"
        data-testid="subscribe-url"
        placeholder="https://example.com/feed.xml or https://example.com"
        value={url}
        onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        aria-invalid={error ? 'true' : undefined}
      />
      <button type="submit" class="primary" data-testid="subscribe-submit" disabled={busy}>
        {busy ? 'Subscribing…' : 'Subscribe'}
      </button>
      <div id="subscribe-msg" aria-live="polite">
        {error && (
          <p class="error" role="alert" data-testid="subscribe-error">
            {error}
          </p>
        )}
        {done && <p class="status-ok">{done}</p>}
      </div>
    </form>
  );
}
