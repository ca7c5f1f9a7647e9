import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { apiError, problemFor } from '../graphql/errors';
import type { QuotesNeedingParaphraseQuery as Quotes } from '../graphql/generated/graphql';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextArea } from '../ui/primitives';
import { QuotesNeedingParaphraseQuery, SaveParaphraseMutation } from './operations-consent';
import { useStakeholderLabel } from './StakeholderConsent';
import './privacy.css';

type Quote = Quotes['quotesNeedingParaphrase'][number];

/**
 * The expert leader's list of quotes from people who did not agree to be quoted and still have no
 * paraphrase (the host city and reports show "paraphrase pending" until one is written). The team reads
 * the verbatim quote; a saved paraphrase takes the item off the list. Nothing is shown when none waits.
 */
export function QuotesNeedingParaphrase({ reviewId }: { reviewId: string }) {
  const t = useT();
  const label = useStakeholderLabel();
  const [{ data }, refetch] = useQuery({
    query: QuotesNeedingParaphraseQuery,
    variables: { reviewId },
    requestPolicy: 'cache-and-network',
  });
  // Saved here: off the list at once, whatever the cache still holds until the list is read again.
  const [saved, setSaved] = useState<string[]>([]);
  if (!data) return null;
  const quotes = data.quotesNeedingParaphrase.filter((q) => !saved.includes(q.id));
  const people = [...data.review.stakeholders, ...data.visitProgramme.days.flatMap((d) => d.sessions.flatMap((s) => s.stakeholders))];
  const whoOf = (q: Quote) => {
    const person = people.find((p) => p.id === q.quotedStakeholderId);
    return person ? label(person) : t('paraphrases.someone');
  };
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (!quotes.length && !saved.length) return null;
  return (
    <section className="card" aria-labelledby="paraphrases-heading" data-testid="quotes-needing-paraphrase">
      <h2 id="paraphrases-heading">
        <FormattedMessage id="paraphrases.title" values={{ count: quotes.length }} />
      </h2>
      {saved.length > 0 && <Alert kind="success">{t('paraphrases.saved')}</Alert>}
      {quotes.length > 0 && (
        <>
          <p className="muted">
            <FormattedMessage id="paraphrases.intro" />
          </p>
          <ol className="paraphrase-list">
            {quotes.map((q) => (
              <PendingQuote
                key={q.id}
                quote={q}
                who={whoOf(q)}
                onSaved={() => {
                  setSaved([...saved, q.id]);
                  reload();
                }}
                onStale={reload}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function PendingQuote({ quote, who, onSaved, onStale }: { quote: Quote; who: string; onSaved(): void; onStale(): void }) {
  const t = useT();
  const intl = useIntl();
  const [paraphrase, setParaphrase] = useState('');
  const [result, save] = useMutation(SaveParaphraseMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await save({ evidenceId: quote.id, expectedRevision: quote.revision, paraphrase: paraphrase.trim() });
    if (sent.data) onSaved();
    // Someone edited the item meanwhile: read the list again (its new revision); what was typed stays in the field.
    else if (apiError(sent.error)?.code === 'CONFLICT') onStale();
  };
  const fieldError = problem && (problemFor(problem.problems, 'paraphrase') ?? (problem.problems.length ? undefined : problem.message));
  return (
    <li className="item" data-testid="pending-quote">
      <p className="item-statement">{quote.statement}</p>
      <blockquote>{quote.quote}</blockquote>
      <p className="session-meta">
        {t('paraphrases.quoted', { who })} ·{' '}
        {t('paraphrases.loggedBy', {
          name: quote.loggedBy.fullName,
          date: intl.formatDate(quote.observedAt, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
        })}
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <TextArea
          label={t('paraphrases.field', { who })}
          hint={t('paraphrases.hint')}
          rows={3}
          value={paraphrase}
          required
          onChange={(e) => setParaphrase(e.target.value)}
          error={fieldError ?? undefined}
        />
        {problem && problem.problems.length > 0 && !problemFor(problem.problems, 'paraphrase') && (
          <Alert kind="error">{problem.message}</Alert>
        )}
        {result.error && !problem && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
        <div className="form-actions">
          <Button type="submit" disabled={result.fetching || !paraphrase.trim()}>
            <FormattedMessage id="paraphrases.save" />
          </Button>
        </div>
      </form>
    </li>
  );
}
