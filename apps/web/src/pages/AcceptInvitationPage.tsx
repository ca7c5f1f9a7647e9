import { FormEvent, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError, problemFor } from '../graphql/errors';
import { AcceptInvitationMutation } from '../graphql/operations';
import { useLanguage, useT } from '../i18n/i18n';
import { browserTimeZone, LANGUAGES, timeZones } from '../i18n/languages';
import { Alert, Button, Select, TextField } from '../ui/primitives';

/** The link in the invitation email: /accept-invitation?token=… */
export function AcceptInvitationPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const zones = useMemo(timeZones, []);
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  // The language the page is shown in: the browser's first shipped one (the API refuses others).
  const [locale, setLocale] = useState<string>(useLanguage().language);
  const [result, accept] = useMutation(AcceptInvitationMutation);
  const { signedIn } = useAuth();
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await accept({ token, password, fullName: fullName.trim() || null, timeZone, locale });
    if (data) {
      signedIn(data.acceptInvitation);
      navigate('/', { replace: true });
    }
  }

  const failure = apiError(result.error);
  const problems = failure?.problems ?? [];
  return (
    <main className="narrow">
      <h1>
        <FormattedMessage id="invitation.title" />
      </h1>
      {!token && (
        <Alert kind="error">
          <FormattedMessage id="invitation.noToken" />
        </Alert>
      )}
      {failure && <Alert kind="error">{failure.message}</Alert>}
      <form onSubmit={submit}>
        <TextField
          label={t('invitation.fullName')}
          hint={t('invitation.fullNameHint')}
          name="fullName"
          autoComplete="name"
          value={fullName}
          error={problemFor(problems, 'fullName')}
          onChange={(e) => setFullName(e.target.value)}
        />
        <TextField
          label={t('invitation.password')}
          hint={t('invitation.passwordHint')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          error={problemFor(problems, 'password')}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Select
          label={t('invitation.timeZone')}
          name="timeZone"
          value={timeZone}
          error={problemFor(problems, 'timeZone')}
          onChange={(e) => setTimeZone(e.target.value)}
        >
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </Select>
        <Select
          label={t('invitation.language')}
          name="locale"
          value={locale}
          error={problemFor(problems, 'locale')}
          onChange={(e) => setLocale(e.target.value)}
        >
          {LANGUAGES.map(([tag, name]) => (
            <option key={tag} value={tag} lang={tag}>
              {name}
            </option>
          ))}
        </Select>
        <Button type="submit" disabled={!token || result.fetching}>
          <FormattedMessage id="invitation.submit" />
        </Button>
      </form>
    </main>
  );
}
