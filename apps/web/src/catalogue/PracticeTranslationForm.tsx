import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient, useMutation } from 'urql';
import { bothTexts } from '../findings/drafts';
import { MergePanel } from '../findings/MergePanel';
import { apiError, problemFor } from '../graphql/errors';
import { APP_LANGUAGES, MessageId, useT } from '../i18n/i18n';
import { Alert, Button, FormActions, Select, TextArea } from '../ui/primitives';
import { languageName } from './labels';
import { PracticeTranslationsQuery, TranslatePracticeMutation } from './operations-translations';

const FIELDS = ['title', 'mainPurpose', 'purpose', 'stimulus', 'process', 'impact'] as const;
type Field = (typeof FIELDS)[number];
type Texts = Record<Field, string>;
type Stored = Record<string, Partial<Texts>>;

const textsOf = (stored: Partial<Texts> | undefined): Texts => Object.fromEntries(FIELDS.map((f) => [f, stored?.[f] ?? ''])) as Texts;
const short = (text: string) => (text.length > 160 ? `${text.slice(0, 159).trimEnd()}…` : text);

/**
 * The network secretariat's translation of a practice (translateGoodPractice), one language at a
 * time, beside the texts as written. The form starts from the stored translation; a save refused
 * because the practice changed meanwhile (CONFLICT) keeps what was typed and shows the saved
 * translation beside it, as the app's other editors do (MergePanel).
 */
export function PracticeTranslationForm({
  practice,
  onSaved,
}: {
  practice: { id: string; language: string; written: Partial<Record<Field, string | null>> };
  onSaved(language: string): void;
}) {
  const t = useT();
  const intl = useIntl();
  const client = useClient();
  const [result, translate] = useMutation(TranslatePracticeMutation);
  const choices = APP_LANGUAGES.map(([tag]) => tag as string).filter((tag) => tag !== practice.language);
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState(choices[0] ?? '');
  const [stored, setStored] = useState<Stored>({});
  // What was typed, per language: choosing another language and back keeps it.
  const [typed, setTyped] = useState<Record<string, Texts>>({});
  const [baseVersion, setBaseVersion] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  const [theirs, setTheirs] = useState<{ texts: Texts; version: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const name = (code: string) => languageName(code, intl.locale);

  /** The stored translations and the version they belong to, straight from the server. */
  async function latest() {
    const { data } = await client.query(PracticeTranslationsQuery, { id: practice.id }, { requestPolicy: 'network-only' }).toPromise();
    if (!data?.goodPractice) return null;
    const document = data.goodPracticeExport as { translations?: Stored };
    return { translations: document.translations ?? {}, version: data.goodPractice.version };
  }

  async function start() {
    setLoadFailed(false);
    setSaved(null);
    const now = await latest();
    if (!now) return setLoadFailed(true);
    setStored(now.translations);
    setBaseVersion(now.version);
    setTyped({});
    setTheirs(null);
    setOpen(true);
  }

  const form = typed[language] ?? textsOf(stored[language]);
  const setForm = (texts: Texts) => setTyped({ ...typed, [language]: texts });
  function choose(next: string) {
    setLanguage(next);
    setTheirs(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const outcome = await translate({ id: practice.id, language, texts: form, expectedVersion: baseVersion });
    const error = apiError(outcome.error);
    if (outcome.data) {
      setTyped({});
      setOpen(false);
      setTheirs(null);
      setSaved(language);
      onSaved(language);
    } else if (error?.code === 'CONFLICT') {
      // What was typed stays in the form; the saved translation is shown beside it, and the next save is against it.
      const now = await latest();
      if (!now) return;
      setStored(now.translations);
      setBaseVersion(now.version);
      setTheirs({ texts: textsOf(now.translations[language]), version: now.version });
    }
  }

  const error = apiError(result.error);
  const problems = error?.problems ?? [];
  const label = (f: Field) => t(`catalogue.label.${f}` as MessageId);
  const differing = theirs ? FIELDS.filter((f) => theirs.texts[f].trim() !== form[f].trim()) : [];

  return (
    <section className="card practice-translate" aria-labelledby="practice-translate-heading">
      <h2 id="practice-translate-heading">
        <FormattedMessage id="catalogue.translate.title" />
      </h2>
      <p className="muted">
        <FormattedMessage id="catalogue.translate.intro" />
      </p>
      {saved && (
        <Alert kind="success">
          <FormattedMessage id="catalogue.translate.saved" values={{ language: name(saved) }} />
        </Alert>
      )}
      {loadFailed && (
        <Alert kind="error">
          <FormattedMessage id="common.loadFailed" />
        </Alert>
      )}
      {!open ? (
        <Button variant="secondary" onClick={() => void start()}>
          <FormattedMessage id="catalogue.translate.open" />
        </Button>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          {theirs && (
            <MergePanel
              headingLevel={3}
              title={<FormattedMessage id="catalogue.translate.conflictTitle" />}
              intro={<FormattedMessage id="catalogue.translate.conflictIntro" values={{ version: theirs.version }} />}
              who={t('catalogue.translate.someone')}
              rows={differing.map((f) => ({ id: f, label: label(f), mine: form[f], theirs: theirs.texts[f], canKeepBoth: f !== 'title' }))}
              onTake={(f, how) => setForm({ ...form, [f]: how === 'both' ? bothTexts(form[f], theirs.texts[f]) : theirs.texts[f] })}
            />
          )}
          {error && error.code !== 'CONFLICT' && <Alert kind="error">{error.message}</Alert>}
          <Select
            label={t('catalogue.translate.language')}
            value={language}
            onChange={(e) => choose(e.target.value)}
            error={problemFor(problems, 'language')}
          >
            {choices.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag, intl.locale, true)}
              </option>
            ))}
          </Select>
          {FIELDS.map((f) => {
            const written = practice.written[f]?.trim();
            // A text the city left empty has nothing to translate (unless a translation of it was stored).
            if (!written && !form[f]) return null;
            return (
              <TextArea
                key={f}
                name={f}
                lang={language}
                label={label(f)}
                rows={f === 'title' ? 2 : 4}
                hint={written ? t('catalogue.translate.originalHint', { text: short(written) }) : undefined}
                value={form[f]}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
                error={problemFor(problems, f)}
              />
            );
          })}
          <FormActions
            submit={<FormattedMessage id="catalogue.translate.save" />}
            disabled={result.fetching}
            onCancel={() => {
              setOpen(false);
              setTheirs(null);
            }}
          />
        </form>
      )}
    </section>
  );
}
