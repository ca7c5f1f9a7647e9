import { FormattedMessage } from 'react-intl';
import { Link, useLocation } from 'react-router-dom';
import { useQuery } from 'urql';
import { MyReviewsQuery } from '../graphql/operations';
import { MessageId } from '../i18n/i18n';
import { Alert } from '../ui/primitives';

export function MyReviewsPage() {
  const [{ data, error, fetching }] = useQuery({ query: MyReviewsQuery });
  const notice = (useLocation().state as { notice?: MessageId } | null)?.notice;
  const reviews = data?.reviews.nodes ?? [];
  return (
    <main>
      <h1>
        <FormattedMessage id="reviews.title" />
      </h1>
      {notice && (
        <Alert kind="success">
          <FormattedMessage id={notice} />
        </Alert>
      )}
      {error && !data && (
        <Alert kind="error">
          <FormattedMessage id="common.loadFailed" />
        </Alert>
      )}
      {fetching && !data && (
        <p role="status">
          <FormattedMessage id="common.loading" />
        </p>
      )}
      {data && !reviews.length && (
        <p>
          <FormattedMessage id="reviews.none" />
        </p>
      )}
      <ul className="cards">
        {reviews.map((review) => (
          <li key={review.id} className="card">
            <h2>
              <Link to={`/reviews/${review.id}`}>{review.title}</Link>
            </h2>
            <p>
              {review.hostCity.name} · <FormattedMessage id={`status.${review.status}` as MessageId} />
            </p>
            <p className="muted">
              {review.myRoles.map((role) => (
                <span key={role} className="tag">
                  <FormattedMessage id={`role.${role}` as MessageId} />
                </span>
              ))}
              {review.timeline.visitStart && (
                <FormattedMessage
                  id="reviews.visit"
                  values={{ start: review.timeline.visitStart.local.slice(0, 10), end: review.timeline.visitEnd?.local.slice(0, 10) ?? '' }}
                />
              )}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
