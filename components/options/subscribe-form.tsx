/**
 * Subscribe by URL: a feed's address or a site's. The preview (grade and latest posts) appears
 * while you type; a site with several feeds lists them to choose from; Subscribe commits, and
 * the response read for the preview becomes the feed's first fetch.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/protocol';
import { t, tn } from '../../lib/i18n/t';
import type { FeedCandidate, FeedPreview, PreviewReply } from '../../lib/subscribe/types';
import { parseUserUrl } from '../../lib/subscribe/user-url';
import { FeedPreviewCard } from '../subscribe/feed-preview-card';
import { CandidateChooser, type CandidateState } from './candidate-chooser';
import { FOLDER_LIST_ID } from './use-folders';

type State =
  | { step: 'idle' }
  | { step: 'loading'; url: string }
  | { step: 'preview'; url: string; preview: FeedPreview }
  | { step: 'choices'; url: string; pageUrl: string; pageTitle?: string; candidates: FeedCandidate[]; chosen?: string; candidate?: CandidateState }
  | { step: 'opml'; url: string; title?: string; feedCount: number }
  /** `asked`: the answer to pressing Subscribe (an alert), not to typing (a polite note). */
  | { step: 'error'; url: string; error: string; asked?: boolean }
  | { step: 'done'; feedId: string; title: string; preview: FeedPreview };

/** How long typing must pause before the preview is fetched. */
const PREVIEW_DELAY_MS = 700;

function stateOf(url: string, reply: PreviewReply): State {
  switch (reply.kind) {
    case 'feed':
      return { step: 'preview', url, preview: reply.preview };
    case 'choices':
      return { step: 'choices', url, pageUrl: reply.pageUrl, ...(reply.pageTitle ? { pageTitle: reply.pageTitle } : {}), candidates: reply.candidates };
    case 'opml':
      return { step: 'opml', url, ...(reply.title ? { title: reply.title } : {}), feedCount: reply.feedCount };
    case 'error':
      return { step: 'error', url, error: reply.error };
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Props of SubscribeForm. */
export interface SubscribeFormProps {
  /** Called after unsubscribing from a feed just added (the form's undo). */
  onUndo?: () => void;
}

/** The subscribe form, its preview, its choices and its messages. */
export function SubscribeForm(_props: SubscribeFormProps) {
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | undefined>(undefined);
  // Only the answer to the latest question counts: typing on makes earlier previews stale.
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const urlInput = useRef<HTMLInputElement>(null);

  const preview = (value: string) => {
    const n = ++asked.current;
    setState({ step: 'loading', url: value });
    send({ type: 'preview-feed', url: value }).then(
      (reply) => n === asked.current && setState(stateOf(value, reply)),
      (err: unknown) => n === asked.current && setState({ step: 'error', url: value, error: errorText(err) }),
    );
  };

  const onInput = (value: string) => {
    setUrl(value);
    setNote(undefined);
    if (timer.current !== undefined) clearTimeout(timer.current);
    asked.current++;
    if (!value.trim() || !parseUserUrl(value).ok) {
      setState({ step: 'idle' });
      return;
    }
    timer.current = setTimeout(() => preview(value.trim()), PREVIEW_DELAY_MS);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  const done = (r: { feedId: string; title: string; preview: FeedPreview }) => {
    setState({ step: 'done', ...r });
    setUrl('');
  };

  const confirm = async (token: string | undefined, feedUrl: string) => {
    const r = await send({ type: 'confirm-subscribe', url: feedUrl, ...(token ? { token } : {}), ...(folder.trim() ? { folder: folder.trim() } : {}) });
    if (r.ok) done(r);
    else setState({ step: 'error', url: url.trim(), error: r.error, asked: true });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (timer.current !== undefined) clearTimeout(timer.current);
    const value = url.trim();
    const n = ++asked.current;
    setBusy(true);
    setNote(undefined);
    try {
      if (state.step === 'preview' && state.url === value) return await confirm(state.preview.token, state.preview.url);
      if (state.step === 'choices' && state.url === value) {
        const c = state.candidate;
        if (c?.kind === 'feed') return await confirm(c.preview.token, c.preview.url);
        setNote(t('options_chooseFirst'));
        return;
      }
      const checked = parseUserUrl(value);
      if (!checked.ok) {
        setState({ step: 'error', url: value, error: checked.error, asked: true });
        return;
      }
      setState({ step: 'loading', url: value });
      // One step: preview (probing the usual addresses if the page links no feed) and subscribe.
      const r = await send({ type: 'subscribe', url: value, ...(folder.trim() ? { folder: folder.trim() } : {}) });
      if (n !== asked.current) return;
      if (r.ok) {
        if (r.preview) done({ feedId: r.feedId, title: r.title ?? value, preview: r.preview });
        else {
          setState({ step: 'idle' });
          setNote(t('options_subscribedTo', { title: r.title ?? value }));
          setUrl('');
        }
      } else if (r.choices && r.pageUrl) setState({ step: 'choices', url: value, pageUrl: r.pageUrl, candidates: r.choices });
      else setState({ step: 'error', url: value, error: r.error, asked: true });
    } catch (err) {
      setState({ step: 'error', url: value, error: errorText(err), asked: true });
    } finally {
      setBusy(false);
    }
  };

  const choose = (candidateUrl: string) => {
    if (state.step !== 'choices') return;
    const base = state;
    setState({ ...base, chosen: candidateUrl, candidate: { kind: 'loading' } });
    send({ type: 'preview-feed', url: candidateUrl }).then(
      (reply) =>
        setState((s) =>
          s.step === 'choices' && s.chosen === candidateUrl
            ? { ...s, candidate: reply.kind === 'feed' ? { kind: 'feed', preview: reply.preview } : { kind: 'error', error: reply.kind === 'error' ? reply.error : t('options_notAFeed') } }
            : s,
        ),
      (err: unknown) => setState((s) => (s.step === 'choices' && s.chosen === candidateUrl ? { ...s, candidate: { kind: 'error', error: errorText(err) } } : s)),
    );
  };

  const undo = async () => {
    if (state.step !== 'done') return;
    await send({ type: 'unsubscribe', feedId: state.feedId });
    setNote(t('options_unsubscribed', { title: state.title }));
    setState({ step: 'idle' });
    urlInput.current?.focus();
  };

  const now = Date.now();
  const error = state.step === 'error' ? state.error : undefined;
  return (
    <form class="subscribe" onSubmit={(e) => void submit(e)} aria-describedby="subscribe-msg" noValidate>
      <div class="subscribe-row">
        <label class="field grow">
          <span>{t('options_feedOrSite')}</span>
          <input
            ref={urlInput}
            id="subscribe-url"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            data-testid="subscribe-url"
            placeholder={t('options_feedOrSitePlaceholder')}
            value={url}
            onInput={(e) => onInput((e.target as HTMLInputElement).value)}
            aria-invalid={error ? 'true' : undefined}
            aria-errormessage={error ? 'subscribe-error' : undefined}
          />
        </label>
        <label class="field">
          <span>{t('options_folderOptional')}</span>
          <input type="text" list={FOLDER_LIST_ID} value={folder} onInput={(e) => setFolder((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" class="primary" data-testid="subscribe-submit" disabled={busy}>
          {busy ? t('options_subscribing') : t('options_subscribe')}
        </button>
      </div>
      <div id="subscribe-msg" aria-live="polite">
        {state.step === 'loading' && <p class="muted">{t('options_lookingAt', { url: state.url })}</p>}
        {error && (
          <p class="error" role={state.step === 'error' && state.asked ? 'alert' : undefined} id="subscribe-error" data-testid="subscribe-error">
            {error}
          </p>
        )}
        {note && <p class="muted">{note}</p>}
        {state.step === 'opml' && (
          <p class="error" role="alert" data-testid="subscribe-error">
            {state.title ? tn('options_isOpmlTitled', state.feedCount, { url: state.url, title: state.title }) : tn('options_isOpml', state.feedCount, { url: state.url })}
          </p>
        )}
        {state.step === 'done' && (
          <div class="subscribed" role="status">
            <p class="status-ok">
              {t('options_subscribedTo', { title: state.title })}{' '}
              <button type="button" onClick={() => void undo()}>
                {t('options_undo')}
              </button>
            </p>
            <FeedPreviewCard preview={state.preview} now={now} />
          </div>
        )}
      </div>
      {state.step === 'preview' && (
        <div class="preview-wrap">
          <p class="muted">{t('options_previewHint')}</p>
          <FeedPreviewCard preview={state.preview} now={now} />
        </div>
      )}
      {state.step === 'choices' && (
        <CandidateChooser
          pageUrl={state.pageUrl}
          {...(state.pageTitle ? { pageTitle: state.pageTitle } : {})}
          candidates={state.candidates}
          {...(state.chosen ? { chosen: state.chosen } : {})}
          {...(state.candidate ? { candidate: state.candidate } : {})}
          now={now}
          onChoose={choose}
        />
      )}
    </form>
  );
}
