import { FormattedDate, FormattedMessage } from 'react-intl';
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
                  values={{
                    start: <VisitDay local={review.timeline.visitStart.local} />,
                    end: <VisitDay local={review.timeline.visitEnd?.local} />,
                  }}
                />
              )}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The calendar day of a local time in the host city ("2027-03-10T09:00:00+01:00"), in the reader's language. */
function VisitDay({ local }: { local?: string }) {
  if (!local) return null;
  return <FormattedDate value={`${local.slice(0, 10)}T12:00:00Z`} timeZone="UTC" day="numeric" month="long" year="numeric" />;
}
