import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError } from '../graphql/errors';
import { SignInMutation } from '../graphql/operations';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';

export function SignInPage() {
  const t = useT();
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, signIn] = useMutation(SignInMutation);
  const [offline, setOffline] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOffline(false);
    const { data, error } = await signIn({ email, password });
    if (data) {
      signedIn(data.signIn);
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
    } else if (error?.networkError) setOffline(true);
  }

  const failure = apiError(result.error);
  return (
    <main className="narrow">
      <h1>
        <FormattedMessage id="signIn.title" />
      </h1>
      {failure && <Alert kind="error">{failure.message}</Alert>}
      {offline && (
        <Alert kind="error">
          <FormattedMessage id="common.offlineTryLater" />
        </Alert>
      )}
      <form onSubmit={submit}>
        <TextField
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id="signIn.submit" />
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">
          <FormattedMessage id="signIn.forgot" />
        </Link>
      </p>
    </main>
  );
}
