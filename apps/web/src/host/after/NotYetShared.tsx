import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { HostFindingsStatusQuery } from '../../graphql/generated/graphql';
import { dateLocale, dayLabel, localClock, localDay } from '../../leader/zoned';

type Programme = HostFindingsStatusQuery['visitProgramme'];

/** The feedback session of the programme, if the expert leader has planned one. */
export const feedbackSessionOf = (programme: Programme) =>
  programme.days.flatMap((d) => d.sessions).find((s) => s.kind === 'FEEDBACK_SESSION');

/**
 * Before the feedback session: what the city will see, and when. The API refuses the findings until
 * then (readFindingsAsHost); this page says so before anyone asks.
 */
export function NotYetShared({
  reviewId,
  city,
  programme,
  cancelled = false,
}: {
  reviewId: string;
  city: string;
  programme: Programme;
  cancelled?: boolean;
}) {
  const intl = useIntl();
  const session = feedbackSessionOf(programme);
  if (cancelled)
    return (
      <p className="card" data-testid="not-yet-shared">
        <FormattedMessage id="hostAfter.notYet.cancelled" />
      </p>
    );
  return (
    <section className="card host-next" aria-labelledby="not-yet-heading" data-testid="not-yet-shared">
      <h2 id="not-yet-heading">
        <FormattedMessage id="hostAfter.notYet.title" />
      </h2>
      <p>
        <FormattedMessage id="hostAfter.notYet.body" values={{ city }} />
      </p>
      <p>
        {session ? (
          <FormattedMessage
            id="hostAfter.notYet.when"
            values={{
              day: dayLabel(localDay(session.start.local), dateLocale(intl.locale)),
              time: localClock(session.start.local),
              place: session.location ?? '—',
            }}
          />
        ) : (
          <FormattedMessage id="hostAfter.notYet.noDate" />
        )}
      </p>
      <p>
        <Link to={`/reviews/${reviewId}/host/visit`}>
          <FormattedMessage id="hostAfter.notYet.programme" />
        </Link>
      </p>
    </section>
  );
}
