import { ChangeEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { useAuth } from '../auth/auth-context';
import { currentAccessToken } from '../auth/refresh';
import { useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { MyDraftsQuery } from './operations-drafts';

type Refusal = { message: string; problems?: { path: string; message: string }[] };

/** The ICC template filled in with Word, sent to the API: the new draft's id, or what to fix. */
async function importWord(file: File): Promise<{ id: string } | Refusal> {
  const token = await currentAccessToken();
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/good-practices/import.docx', {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const body = (await response.json().catch(() => ({ message: `${response.status}` }))) as { id: string } | Refusal;
  return response.ok ? body : 'message' in body ? body : { message: `${response.status}` };
}

/**
 * For signed-in members, above the public listing: their drafts (for the secretariat, every draft
 * and every practice waiting to be published), and a new draft from the ICC template filled in with Word.
 */
export function MyDrafts() {
  const { session } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: MyDraftsQuery, pause: !session, requestPolicy: 'cache-and-network' });
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  if (!session) return null;
  const admin = session.person.isAdmin;
  const practices = [...(data?.submitted.nodes ?? []), ...(data?.drafts.nodes ?? [])];

  const chosen = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setRefusal(null);
    try {
      const result = await importWord(file);
      if ('id' in result) navigate(`/practices/${result.id}`);
      else setRefusal(result);
    } catch {
      setRefusal({ message: t('catalogue.drafts.importFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card my-drafts" aria-labelledby="my-drafts-heading" data-testid="my-drafts">
      <h2 id="my-drafts-heading">
        <FormattedMessage id={admin ? 'catalogue.drafts.titleAdmin' : 'catalogue.drafts.title'} values={{ count: practices.length }} />
      </h2>
      {practices.length > 0 && (
        <ul>
          {practices.map((p) => (
            <li key={p.id}>
              <Link to={`/practices/${p.id}`}>{p.title}</Link> <span className="muted">{p.city}</span>{' '}
              <span className="tag">{t(p.status === 'SUBMITTED' ? 'catalogue.drafts.submitted' : 'catalogue.drafts.draft')}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        <FormattedMessage id="catalogue.drafts.howTo" />
      </p>
      <label className="btn btn-secondary file-button">
        <FormattedMessage id={busy ? 'catalogue.drafts.importing' : 'catalogue.drafts.import'} />
        <input
          type="file"
          className="visually-hidden"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy}
          onChange={(e) => void chosen(e)}
        />
      </label>
      {refusal && (
        <Alert kind="error">
          {refusal.message}
          {!!refusal.problems?.length && (
            <ul>
              {refusal.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  {p.path}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </section>
  );
}
