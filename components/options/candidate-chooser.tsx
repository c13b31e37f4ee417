/** "This site offers several feeds": radio buttons, and the chosen one's preview. */
import type { FeedCandidate, FeedPreview } from '../../lib/subscribe/types';
import { t, tn } from '../../lib/i18n/t';
import { FeedPreviewCard } from '../subscribe/feed-preview-card';

/** The chosen candidate's preview, as it loads. */
export type CandidateState = { kind: 'loading' } | { kind: 'feed'; preview: FeedPreview } | { kind: 'error'; error: string };

/** Props of CandidateChooser. */
export interface CandidateChooserProps {
  pageUrl: string;
  pageTitle?: string;
  candidates: FeedCandidate[];
  chosen?: string;
  candidate?: CandidateState;
  now: number;
  onChoose: (url: string) => void;
}

// Format names are the same in every language; only the unknown one is a word.
const FORMAT: Record<Exclude<FeedCandidate['type'], 'unknown'>, string> = { rss: 'RSS', atom: 'Atom', rdf: 'RSS 1.0', json: 'JSON Feed' };
const formatName = (type: FeedCandidate['type']) => (type === 'unknown' ? t('options_formatUnknown') : FORMAT[type]);

/** The list of candidates to choose from. */
export function CandidateChooser(p: CandidateChooserProps) {
  return (
    <fieldset class="choices" data-testid="feed-choices">
      <legend>
        {tn('options_chooseFeed', p.candidates.length, { page: p.pageTitle ?? p.pageUrl })}
      </legend>
      <ul>
        {p.candidates.map((c) => (
          <li key={c.url}>
            <label>
              <input type="radio" name="feed-choice" value={c.url} checked={p.chosen === c.url} disabled={c.subscribed !== undefined} onChange={() => p.onChoose(c.url)} />{' '}
              <span>{c.title ?? c.url}</span> <span class="muted">({formatName(c.type)})</span>
              {c.subscribed && <span class="muted"> · {t('options_alreadySubscribed')}</span>}
              <br />
              <small class="muted">{c.url}</small>
            </label>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {p.candidate?.kind === 'loading' && <p class="muted">{t('options_readingFeed')}</p>}
        {p.candidate?.kind === 'error' && (
          <p class="error" role="alert">
            {p.candidate.error}
          </p>
        )}
        {p.candidate?.kind === 'feed' && <FeedPreviewCard preview={p.candidate.preview} now={p.now} />}
      </div>
    </fieldset>
  );
}
