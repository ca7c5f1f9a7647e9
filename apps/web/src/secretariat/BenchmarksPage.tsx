import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import '../findings/findings.css';
import { apiError } from '../graphql/errors';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Alert, Button } from '../ui/primitives';
import { ConfirmBox } from './ConfirmBox';
import { DataTable } from './DataTable';
import { BenchmarkDetail } from './benchmarks/BenchmarkDetail';
import { ImportBenchmark } from './benchmarks/ImportBenchmark';
import { saveJson } from './benchmarks/save-json';
import './network/network.css';
import { BenchmarkExportQuery, BenchmarkVersionsQuery, PublishBenchmarkMutation } from './operations-network';

type Version = { code: string; version: number };
const keyOf = (b: Version) => `${b.code}@${b.version}`;

/**
 * The benchmark catalogue (secretariat): every version, each one readable in full; export one as
 * JSON, import a changed copy as a new draft version, and publish a draft (after which it never changes).
 */
export function BenchmarksPage() {
  const t = useT();
  const intl = useIntl();
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const [{ data, error }, refetch] = useQuery({ query: BenchmarkVersionsQuery, requestPolicy: 'cache-and-network' });
  const [, publish] = useMutation(PublishBenchmarkMutation);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (!data) return <Loading error={error} />;

  const versions = [...data.benchmarks.nodes].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  const shownCode = params.get('code');
  const shownVersion = Number(params.get('version'));
  const shown = versions.find((b) => b.code === shownCode && b.version === shownVersion) ?? null;
  const show = (b: Version) => setParams({ code: b.code, version: String(b.version) });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const exportJson = async (b: Version) => {
    setNotice(null);
    const result = await client
      .query(BenchmarkExportQuery, { code: b.code, version: b.version }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data) saveJson(result.data.benchmarkExport, `${b.code.toLowerCase()}-v${b.version}.json`);
    else setNotice({ kind: 'error', text: apiError(result.error)?.message ?? t('common.loadFailed') });
  };
  const confirmPublish = async (b: Version) => {
    const result = await publish({ code: b.code, version: b.version });
    setConfirming(null);
    const problem = apiError(result.error);
    setNotice(
      problem || result.error
        ? { kind: 'error', text: problem?.message ?? t('common.loadFailed') }
        : { kind: 'success', text: t('secretariat.benchmarks.publishedNotice', { code: b.code, version: b.version }) },
    );
    if (!result.error) reload();
  };

  return (
    <div data-testid="benchmarks-page">
      <h1>
        <FormattedMessage id="secretariat.benchmarks.title" />
      </h1>
      <p className="sec-intro">
        <FormattedMessage id="secretariat.benchmarks.intro" />
      </p>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">
          <FormattedMessage id="secretariat.benchmarks.versions" />
        </h2>
        <DataTable
          caption={t('secretariat.benchmarks.versions')}
          testId="benchmark-versions"
          columns={[
            t('secretariat.benchmarks.code'),
            { label: t('secretariat.benchmarks.version'), num: true },
            t('secretariat.benchmarks.titleColumn'),
            t('secretariat.benchmarks.status'),
            t('secretariat.benchmarks.actions'),
          ]}
        >
          {versions.map((b) => (
            <tr key={b.id} data-testid="benchmark-version" aria-current={shown?.id === b.id ? 'true' : undefined}>
              <th scope="row">{b.code}</th>
              <td className="num">{b.version}</td>
              <td>{b.title}</td>
              <td>
                <span className={`status-pill status-${b.status}`}>
                  {b.status === 'PUBLISHED' && b.publishedAt
                    ? t('secretariat.benchmarks.publishedOn', { date: intl.formatDate(b.publishedAt, { dateStyle: 'medium' }) })
                    : t('secretariat.benchmarks.draft')}
                </span>
              </td>
              <td>
                <div className="item-actions-row">
                  <Button
                    variant="secondary"
                    onClick={() => show(b)}
                    aria-label={t('secretariat.benchmarks.viewLabel', { code: b.code, version: b.version })}
                  >
                    <FormattedMessage id="secretariat.benchmarks.view" />
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => void exportJson(b)}
                    aria-label={t('secretariat.benchmarks.exportLabel', { code: b.code, version: b.version })}
                  >
                    <FormattedMessage id="secretariat.benchmarks.export" />
                  </Button>
                  {b.status === 'DRAFT' && confirming !== keyOf(b) && (
                    <Button
                      onClick={() => setConfirming(keyOf(b))}
                      aria-label={t('secretariat.benchmarks.publishLabel', { code: b.code, version: b.version })}
                    >
                      <FormattedMessage id="secretariat.benchmarks.publish" />
                    </Button>
                  )}
                </div>
                {confirming === keyOf(b) && (
                  <ConfirmBox
                    label={t('secretariat.benchmarks.publishLabel', { code: b.code, version: b.version })}
                    question={t('secretariat.benchmarks.publishConfirm', { code: b.code, version: b.version })}
                    confirm={t('secretariat.benchmarks.publishNow', { version: b.version })}
                    onConfirm={() => void confirmPublish(b)}
                    onCancel={() => setConfirming(null)}
                  />
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      {shown && <BenchmarkDetail code={shown.code} version={shown.version} />}
      <ImportBenchmark
        onImported={(b) => {
          reload();
          show(b);
        }}
      />
    </div>
  );
}
