/** "This site offers several feeds": radio buttons, and the chosen one's preview. */
import type { FeedCandidate, FeedPreview } from '../../lib/subscribe/types';
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

const FORMAT: Record<FeedCandidate['type'], string> = { rss: 'RSS', atom: 'Atom', rdf: 'RSS 1.0', json: 'JSON Feed', unknown: 'feed' };

/** The list of candidates to choose from. */
export function CandidateChooser(p: CandidateChooserProps) {
  return (
    <fieldset class="choices" data-testid="feed-choices">
      <legend>
        {p.pageTitle ?? p.pageUrl} offers {p.candidates.length} feeds: choose one, then Subscribe
      </legend>
      <ul>
        {p.candidates.map((c) => (
          <li key={c.url}>
            <label>
              <input type="radio" name="feed-choice" value={c.url} checked={p.chosen === c.url} disabled={c.subscribed !== undefined} onChange={() => p.onChoose(c.url)} />{' '}
              <span>{c.title ?? c.url}</span> <span class="muted">({FORMAT[c.type]})</span>
              {c.subscribed && <span class="muted"> · already subscribed</span>}
              <br />
              <small class="muted">{c.url}</small>
            </label>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {p.candidate?.kind === 'loading' && <p class="muted">Reading the feed…</p>}
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
