import { useState } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError } from '../graphql/errors';
import { MessageId, useLanguage } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { AssignForm } from './AssignForm';
import { IndexPlanSection } from './IndexPlanSection';
import { IndexReportPanel } from './IndexReportPanel';
import { IndexAssessmentQuery, PublishIndexMutation, SubmitIndexMutation } from './operations';
import { AnswerText, dataTypeLabel, QuestionEditor } from './QuestionEditor';
import { ComparisonPanel, ResultsPanel } from './ResultsPanel';
import './icc-index.css';

/**
 * One Index assessment. While the city answers: the questions by indicator, each contributor editing
 * those assigned to them (the coordinator all), what is still missing and the coordinator's "Submit".
 * Then the results per indicator, where the experts analyse during the analysis step, and, once
 * published, the comparison with the network.
 */
export function IndexAssessmentPage() {
  const { assessmentId = '' } = useParams();
  const { language } = useLanguage();
  const { person } = useAuth();
  const me = person?.id ?? '';
  const [{ data, error }, refetch] = useQuery({
    query: IndexAssessmentQuery,
    variables: { id: assessmentId, language },
    requestPolicy: 'cache-and-network',
  });
  const [submitResult, submit] = useMutation(SubmitIndexMutation);
  const [publishResult, publish] = useMutation(PublishIndexMutation);
  const [filter, setFilter] = useState<'mine' | 'all'>('mine');
  if (!data) return <Loading error={error} />;
  const a = data.iccIndexAssessment;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const admin = !!person?.isAdmin;
  const coordinates = admin || a.coordinatorId === me;
  const analyses = a.status === 'ANALYSIS' && (admin || a.expertIds.includes(me));
  const answering = a.status === 'IN_PROGRESS';
  const mayEdit = (assigneeId: string | null) => answering && (coordinates || assigneeId === me);
  const shown = a.questions.filter((q) => filter === 'all' || coordinates || q.assigneeId === me);
  const submitError = apiError(submitResult.error);

  return (
    <main className="index-page">
      <p>
        <Link to="/index">
          <FormattedMessage id="iccIndex.back" />
        </Link>
      </p>
      <h1>
        <FormattedMessage id="iccIndex.assessment.title" values={{ city: a.cityName }} />
      </h1>
      <p>
        <span className="tag">
          <FormattedMessage id={`iccIndex.status.${a.status}` as MessageId} />
        </span>{' '}
        <FormattedMessage
          id="iccIndex.assessment.due"
          values={{ date: <FormattedDate value={`${a.dueDate}T12:00:00Z`} dateStyle="long" timeZone="UTC" /> }}
        />
      </p>
      {a.definition.illustrative && (
        <Alert kind="info">
          {a.definition.illustrativeNotice} <span className="muted">{a.definition.attribution}</span>
        </Alert>
      )}

      {answering && (
        <section aria-labelledby="index-questionnaire">
          <h2 id="index-questionnaire">
            <FormattedMessage id="iccIndex.questionnaire.title" />
          </h2>
          {coordinates && <AssignForm assessmentId={a.id} indicators={a.definition.indicators} onAssigned={reload} />}
          {!coordinates && (
            <p>
              <label>
                <input type="checkbox" checked={filter === 'all'} onChange={(e) => setFilter(e.target.checked ? 'all' : 'mine')} />{' '}
                <FormattedMessage id="iccIndex.questionnaire.showAll" />
              </label>
            </p>
          )}
          {a.definition.indicators.map((indicator) => {
            const rows = shown.filter((q) => q.indicatorCode === indicator.code);
            if (!rows.length) return null;
            return (
              <section key={indicator.code} aria-label={indicator.name} className="index-indicator-questions">
                <h3>{indicator.name}</h3>
                {rows.map((row) => (
                  <article key={row.questionCode} className="card index-question" data-question={row.questionCode}>
                    <h4>
                      <span className="index-code">{row.questionCode}</span> {row.question.text}
                    </h4>
                    <p className="muted">
                      <span className="tag">
                        <FormattedMessage id={dataTypeLabel(row.question.dataType)} />
                      </span>
                      {row.department && (
                        <span className="tag">
                          <FormattedMessage id="iccIndex.questionnaire.department" values={{ department: row.department }} />
                        </span>
                      )}
                      {row.question.illustrative && (
                        <span className="tag">
                          <FormattedMessage id="iccIndex.questionnaire.illustrative" />
                        </span>
                      )}
                    </p>
                    {mayEdit(row.assigneeId) ? (
                      <QuestionEditor key={row.questionCode} assessmentId={a.id} row={row} onSaved={reload} />
                    ) : (
                      <AnswerText row={row} />
                    )}
                  </article>
                ))}
              </section>
            );
          })}
          {!shown.length && (
            <p>
              <FormattedMessage id="iccIndex.questionnaire.noneAssigned" />
            </p>
          )}
          <section aria-labelledby="index-submit" className="card">
            <h3 id="index-submit">
              <FormattedMessage id="iccIndex.submit.title" />
            </h3>
            {a.missing.length ? (
              <>
                <p>
                  <FormattedMessage id="iccIndex.submit.missing" values={{ count: a.missing.length }} />
                </p>
                <ul data-testid="index-missing">
                  {a.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>
                <FormattedMessage id="iccIndex.submit.ready" />
              </p>
            )}
            {submitError && <Alert kind="error">{submitError.message}</Alert>}
            {coordinates && (
              <Button
                disabled={submitResult.fetching}
                onClick={async () => {
                  const r = await submit({ assessmentId: a.id });
                  if (!r.error) reload();
                }}
              >
                <FormattedMessage id="iccIndex.submit.button" />
              </Button>
            )}
          </section>
        </section>
      )}

      {a.status !== 'IN_PROGRESS' && !a.results && (
        <Alert kind="info">
          <FormattedMessage id="iccIndex.results.notYet" />
        </Alert>
      )}
      {a.results && <ResultsPanel assessment={a} results={a.results} analyses={analyses} onChanged={reload} />}
      {a.status === 'ANALYSIS' && admin && (
        <section aria-labelledby="index-publish" className="card">
          <h2 id="index-publish">
            <FormattedMessage id="iccIndex.publish.title" />
          </h2>
          <p>
            <FormattedMessage id="iccIndex.publish.explain" />
          </p>
          {publishResult.error && <Alert kind="error">{apiError(publishResult.error)?.message}</Alert>}
          <Button
            disabled={publishResult.fetching}
            onClick={async () => {
              const r = await publish({ assessmentId: a.id });
              if (!r.error) reload();
            }}
          >
            <FormattedMessage id="iccIndex.publish.button" />
          </Button>
        </section>
      )}
      {a.status === 'PUBLISHED' && a.results && <ComparisonPanel assessmentId={a.id} language={language} />}
      {a.status === 'PUBLISHED' && a.results && <IndexReportPanel assessmentId={a.id} language={language} />}
      {a.status === 'PUBLISHED' && a.results && <IndexPlanSection cityId={a.cityId} />}
    </main>
  );
}
