import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { indexHistorySpec, IndexScoreRow, indexScoresSpec } from '@peervisit/charts';
import { VegaChart } from '../charts/VegaChart';
import { downloadFile } from '../files/download';
import { graphql } from '../graphql/generated';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Alert, Button } from '../ui/primitives';

export const IndexChartsQuery = graphql(`
  query IndexCharts($assessmentId: ID!, $language: String) {
    iccIndexAssessment(id: $assessmentId) {
      id
      cityName
      results(language: $language) {
        overall
        composites {
          code
          name
          score
        }
        indicators {
          code
          number
          name
          score
        }
      }
    }
    iccIndexComparison(assessmentId: $assessmentId, language: $language) {
      available
      comparableCities
      minimumCities
      indicators {
        code
        cityScore
        median
        scores
      }
      overall {
        cityScore
        median
        scores
      }
      history {
        assessmentId
        publishedAt
        overall
      }
    }
    iccIndexReports(assessmentId: $assessmentId) {
      id
      version
      language
      formats
      createdAt
    }
  }
`);

export const GenerateIndexReportMutation = graphql(`
  mutation GenerateIndexReport($assessmentId: ID!, $language: String) {
    generateIccIndexReport(assessmentId: $assessmentId, language: $language) {
      id
      version
      language
      formats
      createdAt
    }
  }
`);

/**
 * The published Index in pictures and as a document: the city's scores against the network's
 * (only from the minimum of comparable cities on, never naming a city), its overall Index over its
 * own published assessments, and "Download the Index report" as PDF or Word, generated on request
 * in the page's language.
 */
export function IndexReportPanel({ assessmentId, language }: { assessmentId: string; language: string }) {
  const t = useT();
  const intl = useIntl();
  const [{ data, error }, refetch] = useQuery({ query: IndexChartsQuery, variables: { assessmentId, language } });
  const [generated, generate] = useMutation(GenerateIndexReportMutation);
  const [failed, setFailed] = useState(false);
  const city = data?.iccIndexAssessment.cityName ?? '';
  const overallName = t('iccIndex.charts.overall');
  const rows: IndexScoreRow[] = useMemo(() => {
    const results = data?.iccIndexAssessment.results;
    const comparison = data?.iccIndexComparison;
    if (!results || !comparison) return [];
    const of = (code: string) => comparison.indicators.find((d) => d.code === code);
    return [
      ...results.indicators.map((i) => ({
        code: i.code,
        name: `${i.number} ${i.name}`,
        cityScore: i.score ?? null,
        scores: of(i.code)?.scores ?? [],
        median: of(i.code)?.median ?? null,
      })),
      ...results.composites.map((c) => ({ code: c.code, name: c.name, cityScore: c.score ?? null, scores: [], median: null })),
      {
        code: 'OVERALL',
        name: overallName,
        cityScore: results.overall ?? null,
        scores: comparison.overall?.scores ?? [],
        median: comparison.overall?.median ?? null,
      },
    ];
  }, [data, overallName]);
  const scoresSpec = useMemo(
    () =>
      indexScoresSpec(rows, {
        indicator: t('iccIndex.results.indicator'),
        score: t('iccIndex.charts.score'),
        city,
        network: t('iccIndex.charts.network'),
        median: t('iccIndex.comparison.median'),
      }),
    [rows, city, t],
  );
  const history = useMemo(() => (data?.iccIndexComparison.history ?? []).filter((h) => h.overall !== null), [data]);
  const historySpec = useMemo(
    () =>
      indexHistorySpec(
        history.map((h) => ({
          id: h.assessmentId,
          series: overallName,
          assessment: intl.formatDate(h.publishedAt, { dateStyle: 'medium' }),
          publishedAt: String(h.publishedAt),
          score: h.overall ?? null,
        })),
        { assessment: t('iccIndex.charts.published'), score: t('iccIndex.charts.score'), series: t('iccIndex.charts.series') },
      ),
    [history, overallName, intl, t],
  );
  if (error) return <Alert kind="error">{apiError(error)?.message ?? error.message}</Alert>;
  if (!data) return null;
  const comparison = data.iccIndexComparison;
  const latest = data.iccIndexReports.find((r) => r.language === language);
  const download = (reportId: string, format: 'pdf' | 'docx') => {
    setFailed(false);
    downloadFile(`/index-reports/${reportId}/${format}`, `index-report.${format}`).catch(() => setFailed(true));
  };
  const generateAndDownload = async (format: 'pdf' | 'docx') => {
    const r = await generate({ assessmentId, language });
    if (r.data) {
      download(r.data.generateIccIndexReport.id, format);
      refetch({ requestPolicy: 'network-only' });
    }
  };

  return (
    <section aria-labelledby="index-charts" data-testid="index-report-panel">
      <h2 id="index-charts">
        <FormattedMessage id="iccIndex.charts.title" />
      </h2>
      <VegaChart
        spec={scoresSpec}
        testId="index-scores-chart"
        label={
          comparison.available
            ? t('iccIndex.charts.scoresLabel', { city, cities: comparison.comparableCities })
            : t('iccIndex.charts.scoresAloneLabel', { city })
        }
      >
        {comparison.available ? (
          <FormattedMessage id="iccIndex.charts.scoresCaption" values={{ city, cities: comparison.comparableCities }} />
        ) : (
          <FormattedMessage
            id="iccIndex.charts.networkWithheld"
            values={{ min: comparison.minimumCities, count: comparison.comparableCities }}
          />
        )}
      </VegaChart>
      {history.length >= 2 ? (
        <VegaChart
          spec={historySpec}
          testId="index-history-chart"
          label={t('iccIndex.charts.historyLabel', { city, count: history.length })}
        >
          <FormattedMessage id="iccIndex.charts.historyCaption" values={{ city, count: history.length }} />
        </VegaChart>
      ) : (
        <p className="muted">
          <FormattedMessage id="iccIndex.charts.historyFirst" />
        </p>
      )}

      <section aria-labelledby="index-report-download" className="card">
        <h3 id="index-report-download">
          <FormattedMessage id="iccIndex.report.title" />
        </h3>
        <p>
          <FormattedMessage id="iccIndex.report.explain" />
        </p>
        <div className="form-actions">
          <Button disabled={generated.fetching} onClick={() => void generateAndDownload('pdf')}>
            <FormattedMessage id="iccIndex.report.pdf" />
          </Button>
          <Button variant="secondary" disabled={generated.fetching} onClick={() => void generateAndDownload('docx')}>
            <FormattedMessage id="iccIndex.report.docx" />
          </Button>
        </div>
        {generated.fetching && (
          <p role="status">
            <FormattedMessage id="iccIndex.report.generating" />
          </p>
        )}
        {generated.error && <Alert kind="error">{apiError(generated.error)?.message}</Alert>}
        {failed && <Alert kind="error">{t('common.offlineTryLater')}</Alert>}
        {latest && (
          <p className="muted" data-testid="index-report-latest">
            <FormattedMessage
              id="iccIndex.report.latest"
              values={{ version: latest.version, date: intl.formatDate(latest.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
            />{' '}
            <Button variant="link" onClick={() => download(latest.id, 'pdf')}>
              PDF
            </Button>{' '}
            <Button variant="link" onClick={() => download(latest.id, 'docx')}>
              Word
            </Button>
          </p>
        )}
      </section>
    </section>
  );
}
