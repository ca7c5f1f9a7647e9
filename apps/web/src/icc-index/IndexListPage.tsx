import { useState } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { MessageId } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { IndexAssessmentsQuery } from './operations';
import { StartAssessmentForm } from './StartAssessmentForm';
import { Button } from '../ui/primitives';

/** The Index assessments the person takes part in (or of their city, once published). */
export function IndexListPage() {
  const [{ data, error }] = useQuery({ query: IndexAssessmentsQuery, requestPolicy: 'cache-and-network' });
  const { person } = useAuth();
  const [starting, setStarting] = useState(false);
  if (!data) return <Loading error={error} />;
  const assessments = data.iccIndexAssessments;
  return (
    <main>
      <h1>
        <FormattedMessage id="iccIndex.list.title" />
      </h1>
      {person?.isAdmin &&
        (starting ? (
          <StartAssessmentForm onCancel={() => setStarting(false)} />
        ) : (
          <p>
            <Button onClick={() => setStarting(true)}>
              <FormattedMessage id="iccIndex.start.open" />
            </Button>
          </p>
        ))}
      {!assessments.length && (
        <p>
          <FormattedMessage id="iccIndex.list.none" />
        </p>
      )}
      <ul className="cards">
        {assessments.map((a) => (
          <li key={a.id} className="card">
            <h2>
              <Link to={`/index/${a.id}`}>
                <FormattedMessage id="iccIndex.assessment.title" values={{ city: a.cityName }} />
              </Link>
            </h2>
            <p>
              <FormattedMessage id={`iccIndex.status.${a.status}` as MessageId} /> ·{' '}
              <FormattedMessage
                id="iccIndex.assessment.due"
                values={{ date: <FormattedDate value={`${a.dueDate}T12:00:00Z`} dateStyle="long" timeZone="UTC" /> }}
              />{' '}
              · {a.definition.code} v{a.definition.version}
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}
