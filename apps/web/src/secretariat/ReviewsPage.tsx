import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import type { ReviewStatus } from '../graphql/generated/graphql';
import { MessageId, useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button, Select } from '../ui/primitives';
import { PAGE_SIZE, Pager, useCursorPages } from './directory/paging';
import { SecretariatCityChoicesQuery, SecretariatReviewCountsQuery, SecretariatReviewsQuery } from './operations-directory';
import { InviteLeader } from './reviews/InviteLeader';
import { CreatedReview, NewReviewForm } from './reviews/NewReviewForm';
import { ReviewItem } from './reviews/ReviewItem';

/** The statuses in the order of a review, with the key of their count in SecretariatReviewCounts. */
const STATUSES: [ReviewStatus, string][] = [
  ['DRAFT', 'draft'],
  ['PREPARATION', 'preparation'],
  ['SELF_ASSESSMENT', 'selfAssessment'],
  ['VISIT', 'visit'],
  ['DELIBERATION', 'deliberation'],
  ['FEEDBACK', 'feedback'],
  ['REPORTING', 'reporting'],
  ['FOLLOW_UP', 'followUp'],
  ['CLOSED', 'closed'],
  ['CANCELLED', 'cancelled'],
];

/**
 * Every review of the network by status (and city), newest first: open a new one or the next one of
 * a city, invite its expert leader, cancel one with a reason. The filters live in the address
 * (?status=VISIT&city=…), and ?new=1 opens the form for a new review (the cities page links there).
 */
export function ReviewsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ReviewStatus | null) ?? undefined;
  const cityId = params.get('city') ?? undefined;
  const pages = useCursorPages();
  const [{ data, error }, refetch] = useQuery({
    query: SecretariatReviewsQuery,
    variables: { status: status ?? null, cityId: cityId ?? null, first: PAGE_SIZE, after: pages.after ?? null },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: counts }, refetchCounts] = useQuery({
    query: SecretariatReviewCountsQuery,
    variables: { cityId: cityId ?? null },
    requestPolicy: 'cache-and-network',
  });
  const [{ data: cities }] = useQuery({ query: SecretariatCityChoicesQuery, requestPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedReview | null>(null);
  const creating = params.get('new') === '1';

  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchCounts({ requestPolicy: 'network-only' });
  };
  const setFilter = (key: 'status' | 'city' | 'new', value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    pages.reset();
    setParams(next, { replace: true });
  };
  const count = (key: string) => (counts as Record<string, { totalCount: number }> | undefined)?.[key]?.totalCount;
  const cityName = cities?.cities.nodes.find((c) => c.id === cityId)?.name;

  return (
    <div>
      <div className="page-head">
        <h1>
          <FormattedMessage id="secretariat.reviews.title" />
        </h1>
        {!creating && (
          <Button
            onClick={() => {
              setNotice(null);
              setCreated(null);
              setFilter('new', '1');
            }}
          >
            <FormattedMessage id="secretariat.reviews.new" />
          </Button>
        )}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {created && (
        <section className="card" aria-labelledby="created-heading" data-testid="review-created">
          <h2 id="created-heading">{t('secretariat.reviews.createdTitle', { title: created.title })}</h2>
          <p>
            <FormattedMessage id="secretariat.reviews.createdNext" values={{ city: created.hostCity.name }} />
          </p>
          <InviteLeader reviewId={created.id} onInvited={() => reload()} />
          <div className="form-actions">
            <Link className="btn btn-secondary" to={`/reviews/${created.id}/overview`}>
              {t('secretariat.reviews.open', { title: created.title })}
            </Link>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              <FormattedMessage id="secretariat.reviews.done" />
            </Button>
          </div>
        </section>
      )}
      {creating && (
        <NewReviewForm
          initialCityId={cityId}
          onCreated={(review) => {
            setCreated(review);
            setFilter('new', undefined);
            reload();
          }}
          onCancel={() => setFilter('new', undefined)}
        />
      )}

      <section aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="visually-hidden">
          <FormattedMessage id="secretariat.reviews.filters" />
        </h2>
        <ul className="status-filter" aria-label={t('secretariat.reviews.byStatus')}>
          <li>
            <button type="button" aria-pressed={!status} onClick={() => setFilter('status', undefined)}>
              {t('secretariat.reviews.allStatuses', { count: count('all') ?? '…' })}
            </button>
          </li>
          {STATUSES.map(([s, key]) => (
            <li key={s}>
              <button type="button" aria-pressed={status === s} onClick={() => setFilter('status', s)} data-testid={`filter-${s}`}>
                {t('secretariat.reviews.statusCount', { status: t(`status.${s}` as MessageId), count: count(key) ?? '…' })}
              </button>
            </li>
          ))}
        </ul>
        <Select
          label={t('secretariat.reviews.cityFilter')}
          value={cityId ?? ''}
          onChange={(e) => setFilter('city', e.target.value || undefined)}
        >
          <option value="">{t('secretariat.reviews.allCities')}</option>
          {cities?.cities.nodes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.country})
            </option>
          ))}
        </Select>
      </section>

      {!data ? (
        <Loading error={error} />
      ) : (
        <section aria-labelledby="list-heading">
          <h2 id="list-heading">
            {[
              t('secretariat.reviews.listTitle', { count: data.reviews.totalCount }),
              status && t(`status.${status}` as MessageId),
              cityName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </h2>
          {data.reviews.nodes.length === 0 && (
            <p className="muted">
              <FormattedMessage id="secretariat.reviews.none" />
            </p>
          )}
          <ul className="directory-list">
            {data.reviews.nodes.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                onChanged={(message) => {
                  setCreated(null);
                  setNotice(message);
                  reload();
                }}
                onStarted={(next) => {
                  setNotice(null);
                  setCreated(next);
                  reload();
                  window.scrollTo(0, 0);
                }}
              />
            ))}
          </ul>
          <Pager
            pages={pages}
            totalCount={data.reviews.totalCount}
            pageInfo={data.reviews.pageInfo}
            label={t('secretariat.reviews.pages')}
          />
        </section>
      )}
    </div>
  );
}
