import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiError, problemFor } from '../graphql/errors';
import { ResetPasswordMutation } from '../graphql/operations';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';

/** The link in the password-reset email: /reset-password?token=… */
export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [token, setToken] = useState(params.get('token') ?? '');
  const [password, setPassword] = useState('');
  const [result, reset] = useMutation(ResetPasswordMutation);
  const { signedIn } = useAuth();
  const navigate = useNavigate();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await reset({ token, newPassword: password });
    if (data) {
      signedIn(data.resetPassword);
      navigate('/', { replace: true, state: { notice: 'reset.done' } });
    }
  }

  const failure = apiError(result.error);
  return (
    <main className="narrow">
      <h1>
        <FormattedMessage id="reset.title" />
      </h1>
      {failure && <Alert kind="error">{failure.message}</Alert>}
      <form onSubmit={submit}>
        {!params.get('token') && (
          <TextField label={t('reset.code')} name="token" required value={token} onChange={(e) => setToken(e.target.value)} />
        )}
        <TextField
          label={t('reset.newPassword')}
          hint={t('common.passwordRule')}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          minLength={10}
          required
          value={password}
          error={failure ? problemFor(failure.problems, 'newPassword') : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" disabled={result.fetching}>
          <FormattedMessage id="reset.submit" />
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">
          <FormattedMessage id="reset.askAgain" />
        </Link>
      </p>
    </main>
  );
}
