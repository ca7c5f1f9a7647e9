import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { apiError } from '../graphql/errors';
import { RequestPasswordResetMutation } from '../graphql/operations';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/primitives';

export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [result, request] = useMutation(RequestPasswordResetMutation);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { data } = await request({ email });
    if (data) setSent(true);
  }

  const failure = apiError(result.error);
  return (
    <main className="narrow">
      <h1>
        <FormattedMessage id="forgot.title" />
      </h1>
      {sent ? (
        <Alert kind="success">
          <FormattedMessage id="forgot.sent" values={{ email }} />
        </Alert>
      ) : (
        <form onSubmit={submit}>
          {failure && <Alert kind="error">{failure.message}</Alert>}
          <p>
            <FormattedMessage id="forgot.intro" />
          </p>
          <TextField
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" disabled={result.fetching}>
            <FormattedMessage id="forgot.submit" />
          </Button>
        </form>
      )}
      <p>
        <Link to="/sign-in">
          <FormattedMessage id="forgot.back" />
        </Link>
      </p>
    </main>
  );
}
