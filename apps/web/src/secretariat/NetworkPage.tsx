import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useQuery } from 'urql';
import { ExportButtons } from '../exports/ExportButtons';
import '../findings/findings.css';
import { useT } from '../i18n/i18n';
import { Loading } from '../leader/Loading';
import { Select } from '../ui/primitives';
import { FollowUpByCity } from './network/FollowUpByCity';
import './network/network.css';
import { NetworkRatings } from './network/NetworkRatings';
import { NetworkBenchmarksQuery } from './operations-network';

/**
 * The network at a glance (secretariat): how the cities were rated per key factor of a benchmark,
 * and, per city, the recommendations still open and the follow-ups overdue.
 */
export function NetworkPage() {
  const t = useT();
  const [{ data, error }] = useQuery({ query: NetworkBenchmarksQuery });
  const [chosen, setChosen] = useState<string | null>(null);
  if (!data) return <Loading error={error} />;
  const versions = [...data.benchmarks.nodes].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  const key = (b: { code: string; version: number }) => `${b.code}@${b.version}`;
  const current = versions.find((b) => key(b) === chosen) ?? versions[0];

  return (
    <div data-testid="network-page">
      <h1>
        <FormattedMessage id="secretariat.network.title" />
      </h1>
      <p className="sec-intro">
        <FormattedMessage id="secretariat.network.intro" />
      </p>
      <section className="card" aria-labelledby="network-ratings-heading">
        <h2 id="network-ratings-heading">
          <FormattedMessage id="secretariat.network.ratingsTitle" />
        </h2>
        <p className="muted">
          <FormattedMessage id="secretariat.network.ratingsHint" />
        </p>
        {current ? (
          <>
            <div className="sec-controls">
              <Select label={t('secretariat.network.benchmark')} value={key(current)} onChange={(e) => setChosen(e.target.value)}>
                {versions.map((b) => (
                  <option key={b.id} value={key(b)}>
                    {t('secretariat.network.benchmarkOption', { code: b.code, version: b.version, title: b.title })}
                  </option>
                ))}
              </Select>
            </div>
            <NetworkRatings code={current.code} version={current.version} />
            <ExportButtons
              what="network"
              path="/exports/network/ratings"
              query={`benchmark=${encodeURIComponent(current.code)}&version=${current.version}`}
            />
          </>
        ) : (
          <p>
            <FormattedMessage id="secretariat.network.noBenchmark" />
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="network-follow-up-heading">
        <h2 id="network-follow-up-heading">
          <FormattedMessage id="secretariat.network.followUpTitle" />
        </h2>
        <p className="muted">
          <FormattedMessage id="secretariat.network.followUpHint" />
        </p>
        <FollowUpByCity />
      </section>
    </div>
  );
}
