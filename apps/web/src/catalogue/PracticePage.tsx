import { MouseEvent, ReactNode, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { DraftActions } from './DraftActions';
import { useAuth } from '../auth/auth-context';
import { apiError } from '../graphql/errors';
import type { CataloguePracticeQuery as PracticeData } from '../graphql/generated/graphql';
import { MessageId, useLanguage, useT } from '../i18n/i18n';
import { Alert } from '../ui/primitives';
import { downloadFile } from '../files/download';
import { countryName, CRITERIA, fieldLabel } from './labels';
import { CataloguePracticeQuery } from './operations';
import { PracticeLanguages } from './PracticeLanguages';
import { PracticeTranslationForm } from './PracticeTranslationForm';
import { RichText } from './RichText';

type Practice = NonNullable<PracticeData['goodPractice']>;

/**
 * One good practice in the sections of the ICC template, with its Word export: its texts in the
 * reader's language when it has a translation (else English, else as written), or in a language
 * the reader picks, the original included. The secretariat translates it here too.
 */
export function PracticePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { session } = useAuth();
  const { language: appLanguage } = useLanguage();
  const [reading, setReading] = useState<string | null>(null);
  const back = (location.state as { from?: string } | null)?.from ?? '/practices';
  const [result, refetch] = useQuery({ query: CataloguePracticeQuery, variables: { id, language: reading ?? appLanguage } });
  const practice = result.data?.goodPractice;
  const failure = apiError(result.error);

  useEffect(() => {
    if (!practice) return;
    const before = document.title;
    document.title = `${practice.translation.title} · PeerVisit`;
    return () => {
      document.title = before;
    };
  }, [practice]);

  return (
    <main className="practice">
      <p className="practice-back">
        <Link to={back}>
          <FormattedMessage id="catalogue.back" />
        </Link>
      </p>
      {practice ? (
        <>
          <DraftActions practice={practice} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
          <PracticeView practice={practice} onRead={setReading} />
          {session?.person.isAdmin && (
            <PracticeTranslationForm
              practice={{ id: practice.id, language: practice.language, written: practice }}
              onSaved={(language) => {
                setReading(language);
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          )}
        </>
      ) : failure?.code === 'NOT_FOUND' || failure?.code === 'BAD_USER_INPUT' ? (
        // An unknown id, a draft, or an address that is not an id at all: the same answer.
        <NotPublic />
      ) : result.error ? (
        <Alert kind="error">{failure?.message ?? <FormattedMessage id="common.loadFailed" />}</Alert>
      ) : (
        <p role="status">
          <FormattedMessage id="common.loading" />
        </p>
      )}
    </main>
  );
}

/** What an unknown id, or a practice that is not published, shows to whoever may not read it. */
function NotPublic() {
  const { session } = useAuth();
  const location = useLocation();
  return (
    <section className="card not-public" aria-labelledby="not-public">
      <h1 id="not-public">
        <FormattedMessage id="catalogue.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="catalogue.notFound.text" />
      </p>
      <p className="form-actions">
        <Link className="btn btn-primary" to="/practices">
          <FormattedMessage id="catalogue.notFound.browse" />
        </Link>
        {!session && (
          <Link className="btn btn-secondary" to="/sign-in" state={{ from: location.pathname }}>
            <FormattedMessage id="catalogue.notFound.signIn" />
          </Link>
        )}
      </p>
    </section>
  );
}

function PracticeView({ practice: p, onRead }: { practice: Practice; onRead(language: string): void }) {
  const t = useT();
  // The reader's texts; the rest (names, places, dates, criteria) is shown as written.
  const texts = p.translation;
  const intl = useIntl();
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const exportPath = `/good-practices/${p.id}/export.docx`;
  const place = [p.city, countryName(p.country, intl.locale)].filter(Boolean).join(', ');

  async function exportWord(event: MouseEvent) {
    event.preventDefault();
    setDownloadFailed(false);
    setDownloading(true);
    try {
      await downloadFile(exportPath, `${p.city} - ${p.title}.docx`);
    } catch {
      setDownloadFailed(true);
    } finally {
      setDownloading(false);
    }
  }

  const notGiven = (
    <span className="muted">
      <FormattedMessage id="catalogue.notGiven" />
    </span>
  );
  const value = (v: string | null | undefined) => (v?.trim() ? v : notGiven);
  const long = (v: string | null | undefined) =>
    v?.trim() ? (
      <div lang={texts.language}>
        <RichText text={v} />
      </div>
    ) : (
      <p>{notGiven}</p>
    );

  return (
    <article aria-labelledby="practice-title">
      <header className="practice-head">
        <p className="practice-eyebrow">
          <FormattedMessage id="catalogue.practice.eyebrow" /> · {place}
        </p>
        <h1 id="practice-title" lang={texts.language}>
          {texts.title}
        </h1>
        <PracticeLanguages
          written={p.language}
          translated={p.translatedLanguages}
          shown={texts.language}
          original={texts.original}
          onRead={onRead}
        />
        {p.status !== 'PUBLISHED' && (
          <Alert kind="info">
            <FormattedMessage id={p.status === 'DRAFT' ? 'catalogue.practice.draft' : 'catalogue.practice.submitted'} />
          </Alert>
        )}
        {p.publishedAt && (
          <p className="muted">
            <FormattedMessage
              id="catalogue.practice.published"
              values={{ date: intl.formatDate(new Date(p.publishedAt), { dateStyle: 'long' }) }}
            />
          </p>
        )}
        <p className="form-actions">
          <a className="btn btn-primary" href={exportPath} onClick={(e) => void exportWord(e)} aria-disabled={downloading || undefined}>
            <FormattedMessage id="catalogue.practice.export" />
          </a>
        </p>
        {downloadFailed && (
          <Alert kind="error">
            <FormattedMessage id="catalogue.practice.exportFailed" />
          </Alert>
        )}
      </header>

      <nav className="practice-toc" aria-label={t('catalogue.practice.sections')}>
        <ul>
          <li>
            <a href="#contact">
              <FormattedMessage id="catalogue.section.contact" />
            </a>
          </li>
          <li>
            <a href="#action">
              <FormattedMessage id="catalogue.section.action" />
            </a>
          </li>
          <li>
            <a href="#description">
              <FormattedMessage id="catalogue.section.description" />
            </a>
          </li>
          <li>
            <a href="#criteria">
              <FormattedMessage id="catalogue.section.criteria" />
            </a>
          </li>
        </ul>
      </nav>

      <Section id="contact" title="catalogue.section.contact">
        <dl className="template-table">
          <Row label="catalogue.label.city">{value(p.city)}</Row>
          <Row label="catalogue.label.country">{p.country ? countryName(p.country, intl.locale) : notGiven}</Row>
          <Row label="catalogue.label.department">{value(p.department)}</Row>
          <Row label="catalogue.label.completedOn">
            {p.completedOn ? intl.formatDate(new Date(`${p.completedOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : notGiven}
          </Row>
          <Row label="catalogue.label.contactPerson">{value(p.contactPerson)}</Row>
        </dl>
      </Section>

      <Section id="action" title="catalogue.section.action">
        <dl className="template-table">
          <Row label="catalogue.label.title">
            <span lang={texts.language}>{texts.title}</span>
          </Row>
          <Row label="catalogue.label.mainField">{fieldLabel(p.mainFieldOfAction)}</Row>
          <Row label="catalogue.label.furtherFields">
            {p.furtherFieldsOfAction.length ? (
              <ul className="plain-list">
                {p.furtherFieldsOfAction.map((f) => (
                  <li key={f.id}>{fieldLabel(f)}</li>
                ))}
              </ul>
            ) : (
              notGiven
            )}
          </Row>
          <Row label="catalogue.label.mainPurpose">
            <span lang={texts.language}>{value(texts.mainPurpose)}</span>
          </Row>
          <Row label="catalogue.label.period">{value(p.implementationPeriod)}</Row>
        </dl>
      </Section>

      <Section id="description" title="catalogue.section.description">
        <h3>
          <FormattedMessage id="catalogue.label.purpose" />
        </h3>
        {long(texts.purpose)}
        <h3>
          <FormattedMessage id="catalogue.label.stimulus" />
        </h3>
        {long(texts.stimulus)}
        <h3>
          <FormattedMessage id="catalogue.label.process" />
        </h3>
        {long(texts.process)}
        <h3>
          <FormattedMessage id="catalogue.label.impact" />
        </h3>
        {long(texts.impact)}
        <h3>
          <FormattedMessage id="catalogue.label.references" />
        </h3>
        {p.keyReferenceDocuments.length ? (
          <ul>
            {p.keyReferenceDocuments.map((d, i) => (
              <li key={i}>
                {d.url ? (
                  <a href={d.url} rel="noopener noreferrer" target="_blank">
                    {d.title}
                    <span className="visually-hidden">
                      {' '}
                      <FormattedMessage id="catalogue.opensNewTab" />
                    </span>
                  </a>
                ) : (
                  d.title
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>{notGiven}</p>
        )}
      </Section>

      <Section id="criteria" title="catalogue.section.criteria">
        <p className="hint">
          <FormattedMessage id="catalogue.practice.criteriaIntro" />
        </p>
        <ul className="criteria-list">
          {CRITERIA.map((c) => {
            const assessed = p.criteria.find((x) => x.key === c.key);
            const met = assessed?.met ?? null;
            return (
              <li key={c.key} className="criterion" data-testid={`criterion-${c.key}`}>
                <h3>
                  <FormattedMessage id={c.label} />
                </h3>
                <p className={`criterion-met criterion-${met === null ? 'unknown' : met ? 'yes' : 'no'}`}>
                  <FormattedMessage
                    id={met === null ? 'catalogue.criterion.notAssessed' : met ? 'catalogue.criterion.met' : 'catalogue.criterion.notMet'}
                  />
                </p>
                {assessed?.justification?.trim() ? <RichText text={assessed.justification} /> : null}
              </li>
            );
          })}
        </ul>
      </Section>
    </article>
  );
}

function Section({ id, title, children }: { id: string; title: MessageId; children: ReactNode }) {
  return (
    <section id={id} className="card practice-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <FormattedMessage id={title} />
      </h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: MessageId; children: ReactNode }) {
  return (
    <div className="template-row">
      <dt>
        <FormattedMessage id={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
