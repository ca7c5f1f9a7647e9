import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../i18n/i18n';
import { ErasePerson, ErasureDone, ErasureResult } from '../privacy/ErasePerson';
import { PersonalDataDownload } from '../privacy/PersonalDataDownload';
import { Alert, Button } from '../ui/primitives';
import { DirectoryPage, EditButton, useDirectory } from './directory/DirectoryList';
import { MergePeople, MergeResult } from './directory/MergePeople';
import { PersonForm } from './directory/PersonForm';
import { PersonRoles } from './directory/PersonRoles';
import { SecretariatPeopleQuery } from './operations-directory';

type Open = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'merge'; id: string } | { kind: 'erase'; id: string } | null;

/** Everyone with an account and their roles: find someone, add or change them, merge a duplicate. */
export function PeoplePage() {
  const t = useT();
  const list = useDirectory(SecretariatPeopleQuery);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);
  const [erased, setErased] = useState<ErasureResult | null>(null);
  const show = (next: Open) => {
    setNotice(null);
    setMerged(null);
    setErased(null);
    setOpen(next);
  };

  return (
    <DirectoryPage
      directory="people"
      list={list}
      connection={(data) => data.people}
      searchHint={t('secretariat.people.searchHint')}
      adding={open?.kind === 'new'}
      onAdd={() => show({ kind: 'new' })}
      notices={
        <>
          {notice && <Alert kind="success">{notice}</Alert>}
          {erased && <ErasureDone result={erased} />}
          {merged && (
            <Alert kind="success">
              <span data-testid="merge-done">
                {t('secretariat.merge.done', {
                  duplicate: merged.mergedFullName,
                  email: merged.mergedEmail,
                  keep: merged.keptPerson.fullName,
                })}
              </span>
              {merged.moved.length > 0 && (
                <ul>
                  {merged.moved.map((m) => (
                    <li key={m.what}>{t('secretariat.merge.moved', { what: m.what, count: m.count })}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
        </>
      }
      newForm={
        <PersonForm
          onSaved={(p) => {
            setOpen(null);
            setNotice(t('secretariat.people.created', { name: p.fullName }));
            list.reload();
          }}
          onCancel={() => setOpen(null)}
        />
      }
      item={(person) => {
        if (open?.kind === 'edit' && open.id === person.id)
          return (
            <li key={person.id}>
              <PersonForm
                person={person}
                onSaved={(p) => {
                  setOpen(null);
                  setNotice(t('secretariat.people.saved', { name: p.fullName }));
                  list.reload();
                }}
                onCancel={() => setOpen(null)}
              />
            </li>
          );
        return (
          <li key={person.id} className="card" data-testid="person">
            <div className="directory-item">
              <div>
                <h2>{person.fullName}</h2>
                <p className="muted">
                  {person.email}
                  {person.organisation && ` · ${person.organisation.name}`}
                </p>
                <PersonRoles person={person} />
              </div>
              <div className="item-actions-row">
                <EditButton name={person.fullName} onClick={() => show({ kind: 'edit', id: person.id })} />
                <Button variant="secondary" onClick={() => show({ kind: 'merge', id: person.id })}>
                  <FormattedMessage id="secretariat.merge.open" />
                  <span className="visually-hidden">
                    {' '}
                    {t('secretariat.merge.openInto', { name: person.fullName, email: person.email })}
                  </span>
                </Button>
                <PersonalDataDownload
                  path={`/personal-data/people/${person.id}.zip`}
                  fileName={`personal-data-${person.id}.zip`}
                  label={t('personalData.downloadFor', { name: person.fullName })}
                />
                {!person.isAdmin && (
                  <Button variant="secondary" onClick={() => show({ kind: 'erase', id: person.id })}>
                    {t('personalData.erase.open', { name: person.fullName })}
                  </Button>
                )}
              </div>
            </div>
            {open?.kind === 'erase' && open.id === person.id && (
              <ErasePerson
                person={person}
                onErased={(result) => {
                  setOpen(null);
                  setErased(result);
                  list.reload();
                }}
                onCancel={() => setOpen(null)}
              />
            )}
            {open?.kind === 'merge' && open.id === person.id && (
              <MergePeople
                keep={person}
                onMerged={(result) => {
                  setOpen(null);
                  setMerged(result);
                  list.reload();
                }}
                onCancel={() => setOpen(null)}
              />
            )}
          </li>
        );
      }}
    />
  );
}
