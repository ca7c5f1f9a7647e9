import { FormattedMessage } from 'react-intl';
import type { Problem } from '../../graphql/errors';
import { problemFor } from '../../graphql/errors';
import { MessageId, useT } from '../../i18n/i18n';
import { TextField } from '../../ui/primitives';

export const TIMELINE_KEYS = ['selfAssessmentDue', 'visitStart', 'visitEnd', 'conclusionsDue', 'reportDue'] as const;
export type TimelineKey = (typeof TIMELINE_KEYS)[number];
export type TimelineValues = Record<TimelineKey, string>;
export const emptyTimeline = (): TimelineValues => ({
  selfAssessmentDue: '',
  visitStart: '',
  visitEnd: '',
  conclusionsDue: '',
  reportDue: '',
});

/** What the API takes: the host city's local times ("2027-03-10T09:00"), only those given. */
export const timelineInput = (values: TimelineValues) =>
  Object.fromEntries(TIMELINE_KEYS.filter((k) => values[k]).map((k) => [k, values[k]])) as Partial<TimelineValues>;

/** The review's dates, typed in the host city's time (the API reads them in its zone, whatever the browser's). */
export function TimelineFields({
  values,
  onChange,
  timeZone,
  problems,
}: {
  values: TimelineValues;
  onChange(values: TimelineValues): void;
  timeZone?: string;
  problems?: Problem[];
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>
        <FormattedMessage id="secretariat.reviews.timeline" />
      </legend>
      <p className="hint">
        {timeZone ? (
          <FormattedMessage id="leader.timesIn" values={{ zone: timeZone }} />
        ) : (
          <FormattedMessage id="secretariat.reviews.chooseCityFirst" />
        )}
      </p>
      <div className="form-row">
        {TIMELINE_KEYS.map((k) => (
          <TextField
            key={k}
            type="datetime-local"
            label={t(`leader.timeline.${k}` as MessageId)}
            value={values[k]}
            onChange={(e) => onChange({ ...values, [k]: e.target.value })}
            error={problems ? (problemFor(problems, `timeline.${k}`) ?? problemFor(problems, k)) : undefined}
          />
        ))}
      </div>
    </fieldset>
  );
}
