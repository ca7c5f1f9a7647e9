import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ReviewEvidenceQuery } from '../graphql/operations';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';

/** Full-text search of the review's evidence (the API's web-search syntax: "phrase", -word, or). */
export function SearchPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  const [{ data, error, fetching }] = useQuery({
    query: ReviewEvidenceQuery,
    variables: { reviewId, search, first: 50 },
    pause: !search,
    requestPolicy: 'network-only',
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch(input.trim());
  }

  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">
        <FormattedMessage id="search.title" />
      </h2>
      <form className="search-form" onSubmit={submit} role="search">
        <TextField
          label={t('search.words')}
          hint={t('search.hint')}
          type="search"
          name="search"
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <Button type="submit">
          <FormattedMessage id="search.submit" />
        </Button>
      </form>
      {error && <Alert kind="error">{error.networkError ? t('common.offlineTryLater') : error.graphQLErrors[0]?.message}</Alert>}
      {fetching && (
        <p role="status">
          <FormattedMessage id="common.loading" />
        </p>
      )}
      {data && search && (
        <>
          <p role="status">
            <FormattedMessage id="search.found" values={{ count: data.reviewEvidence.totalCount }} />
          </p>
          <ol className="item-list">
            {data.reviewEvidence.nodes.map((e) => (
              <li key={e.id} className="item" data-item-id={e.id}>
                <div className="item-head">
                  <span className={`stance stance-${e.stance}`}>{t(`stance.${e.stance}` as MessageId)}</span>
                  <span className="muted">{t(`source.${e.source}` as MessageId)}</span>
                  {e.retractedAt && <span className="badge badge-retracted">{t('item.retracted')}</span>}
                </div>
                <p className="item-statement">{e.statement}</p>
                {e.quote && <blockquote>{e.quote}</blockquote>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
