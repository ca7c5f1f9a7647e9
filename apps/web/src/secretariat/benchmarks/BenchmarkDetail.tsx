import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useT } from '../../i18n/i18n';
import { Loading } from '../../leader/Loading';
import { BenchmarkDetailQuery } from '../operations-network';

/** One benchmark version as a reviewer meets it: the standard, the rating scale, the key factors with their guide questions, the context factors. */
export function BenchmarkDetail({ code, version }: { code: string; version: number }) {
  const t = useT();
  const intl = useIntl();
  const [{ data, error }] = useQuery({ query: BenchmarkDetailQuery, variables: { code, version } });
  if (!data) return <Loading error={error} />;
  const b = data.benchmark;
  return (
    <section className="card" aria-labelledby="benchmark-detail-heading" data-testid="benchmark-detail">
      <h2 id="benchmark-detail-heading">{t('secretariat.benchmarks.detailTitle', { title: b.title, code: b.code, version: b.version })}</h2>
      <p>
        <span className={`status-pill status-${b.status}`}>
          {b.status === 'PUBLISHED' && b.publishedAt
            ? t('secretariat.benchmarks.publishedOn', { date: intl.formatDate(b.publishedAt, { dateStyle: 'medium' }) })
            : t('secretariat.benchmarks.draft')}
        </span>
      </p>
      <p>
        <strong>
          <FormattedMessage id="secretariat.benchmarks.standard" />
        </strong>{' '}
        {b.standard}
      </p>
      <p className="muted">
        {t('secretariat.benchmarks.source', { title: b.sourceTitle, organisation: b.sourceOrganisation, year: b.sourceYear ?? '—' })}{' '}
        {b.attribution}
      </p>

      <h3>
        <FormattedMessage id="secretariat.benchmarks.ratingScale" />
      </h3>
      {b.ratingScaleEditorial && (
        <p className="muted">
          <FormattedMessage id="secretariat.benchmarks.scaleEditorial" />
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('secretariat.benchmarks.ratingScale')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('secretariat.benchmarks.value')}
              </th>
              <th scope="col">{t('secretariat.benchmarks.level')}</th>
              <th scope="col">{t('secretariat.benchmarks.description')}</th>
            </tr>
          </thead>
          <tbody>
            {b.ratingScale.map((level) => (
              <tr key={level.value}>
                <td className="num">{level.value}</td>
                <th scope="row">{level.label}</th>
                <td>{level.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('secretariat.benchmarks.keyFactors', { count: b.keyFactors.length })}</h3>
      <div data-testid="benchmark-key-factors">
        {b.keyFactors.map((k) => (
          <details key={k.id} className="key-factor-details">
            <summary>
              <span className="kf-code">{k.code}</span> {k.heading}
            </summary>
            <p>{k.statement}</p>
            {k.rationale && <p className="muted">{k.rationale}</p>}
            <h4>{t('secretariat.benchmarks.guideQuestions', { count: k.guideQuestions.length })}</h4>
            <ol>
              {k.guideQuestions.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ol>
          </details>
        ))}
      </div>

      <h3>{t('secretariat.benchmarks.contextFactors', { count: b.contextFactors.length })}</h3>
      {b.contextFactors.length ? (
        <dl className="facts">
          {b.contextFactors.map((c) => (
            <div key={c.id}>
              <dt>{c.name}</dt>
              <dd>{c.description}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">
          <FormattedMessage id="secretariat.benchmarks.noContextFactors" />
        </p>
      )}
    </section>
  );
}
