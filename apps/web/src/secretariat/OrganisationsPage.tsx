import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { DirectoryPage, EditButton, useDirectory } from './directory/DirectoryList';
import { OrganisationForm, orgKindLabel } from './directory/OrganisationForm';
import { SecretariatOrganisationsQuery } from './operations-directory';

/** The organisations people belong to: city administrations, NGOs, universities, the secretariat itself. */
export function OrganisationsPage() {
  const t = useT();
  const list = useDirectory(SecretariatOrganisationsQuery);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onSaved = (name: string, created: boolean) => {
    setEditing(null);
    setNotice(t(created ? 'secretariat.organisations.created' : 'secretariat.organisations.saved', { name }));
    list.reload();
  };
  const edit = (id: string) => {
    setNotice(null);
    setEditing(id);
  };

  return (
    <DirectoryPage
      directory="organisations"
      list={list}
      connection={(data) => data.organisations}
      adding={editing === 'new'}
      onAdd={() => edit('new')}
      notices={notice && <Alert kind="success">{notice}</Alert>}
      newForm={<OrganisationForm onSaved={(o) => onSaved(o.name, true)} onCancel={() => setEditing(null)} />}
      item={(o) =>
        editing === o.id ? (
          <li key={o.id}>
            <OrganisationForm organisation={o} onSaved={(s) => onSaved(s.name, false)} onCancel={() => setEditing(null)} />
          </li>
        ) : (
          <li key={o.id} className="card directory-item" data-testid="organisation">
            <div>
              <h2>{o.name}</h2>
              <p className="muted">
                <span className="tag">{t(orgKindLabel(o.kind))}</span>
                {[o.city?.name, o.country].filter(Boolean).join(' · ')}
              </p>
            </div>
            <div className="item-actions-row">
              <EditButton name={o.name} onClick={() => edit(o.id)} />
            </div>
          </li>
        )
      }
    />
  );
}
