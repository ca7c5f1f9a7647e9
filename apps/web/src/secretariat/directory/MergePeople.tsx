import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import type { SecretariatMergePeopleMutation, SecretariatPersonFieldsFragment } from '../../graphql/generated/graphql';
import { apiError } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button, Choice } from '../../ui/primitives';
import { MergePeopleMutation, SecretariatPeopleQuery } from '../operations-directory';
import { PersonRoles } from './PersonRoles';
import { SearchForm } from './SearchForm';

type Person = SecretariatPersonFieldsFragment;
export type MergeResult = SecretariatMergePeopleMutation['mergePeople'];

/**
 * Merging a duplicate into a person: find the duplicate (by default, people with the same name),
 * see both side by side with their roles, then confirm. The API refuses with a sentence (the same
 * review in two roles, for example), shown here as it is.
 */
export function MergePeople({ keep, onMerged, onCancel }: { keep: Person; onMerged(result: MergeResult): void; onCancel(): void }) {
  const t = useT();
  const [search, setSearch] = useState(keep.fullName);
  const [{ data }] = useQuery({ query: SecretariatPeopleQuery, variables: { search, first: 20 }, requestPolicy: 'network-only' });
  const [chosenId, setChosenId] = useState('');
  const [result, merge] = useMutation(MergePeopleMutation);
  const problem = apiError(result.error);
  const candidates = (data?.people.nodes ?? []).filter((p) => p.id !== keep.id);
  const chosen = candidates.find((p) => p.id === chosenId);

  const confirm = async () => {
    if (!chosen) return;
    const sent = await merge({ keepId: keep.id, mergeId: chosen.id });
    if (sent.data) onMerged(sent.data.mergePeople);
  };

  return (
    <section className="card" aria-labelledby="merge-heading" data-testid="merge-panel">
      <h2 id="merge-heading">{t('secretariat.merge.title', { name: keep.fullName })}</h2>
      <p>
        <FormattedMessage id="secretariat.merge.intro" values={{ name: keep.fullName, email: keep.email }} />
      </p>
      <SearchForm
        label={t('secretariat.merge.find')}
        initial={keep.fullName}
        onSearch={(words) => {
          setChosenId('');
          setSearch(words);
        }}
      />
      {data && candidates.length === 0 && (
        <p className="muted">
          <FormattedMessage id="secretariat.merge.noCandidates" />
        </p>
      )}
      {candidates.length > 0 && (
        <Choice
          legend={t('secretariat.merge.which')}
          name={`merge-into-${keep.id}`}
          value={chosenId}
          onChange={setChosenId}
          options={candidates.map((p) => ({ value: p.id, label: `${p.fullName} · ${p.email}` }))}
        />
      )}
      {chosen && (
        <>
          <div className="merge-pair">
            <div data-testid="merge-keep">
              <h3>{t('secretariat.merge.kept')}</h3>
              <p>
                <strong>{keep.fullName}</strong> <span className="muted">{keep.email}</span>
              </p>
              <PersonRoles person={keep} />
            </div>
            <div data-testid="merge-duplicate">
              <h3>{t('secretariat.merge.merged')}</h3>
              <p>
                <strong>{chosen.fullName}</strong> <span className="muted">{chosen.email}</span>
              </p>
              <PersonRoles person={chosen} />
            </div>
          </div>
          <Alert kind="info">
            <FormattedMessage
              id="secretariat.merge.what"
              values={{ keep: keep.fullName, duplicate: chosen.fullName, email: chosen.email }}
            />
          </Alert>
        </>
      )}
      {problem && <Alert kind="error">{problem.message}</Alert>}
      <div className="form-actions">
        <Button variant="danger" disabled={!chosen || result.fetching} onClick={() => void confirm()}>
          {chosen ? t('secretariat.merge.confirm', { duplicate: chosen.fullName, keep: keep.fullName }) : t('secretariat.merge.choose')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          <FormattedMessage id="common.cancel" />
        </Button>
      </div>
    </section>
  );
}
