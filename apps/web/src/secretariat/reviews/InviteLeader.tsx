import { FormEvent, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import { useMutation } from 'urql';
import { apiError, problemFor } from '../../graphql/errors';
import { useT } from '../../i18n/i18n';
import { Alert, Button, TextField } from '../../ui/primitives';
import { InviteLeaderMutation } from '../operations-directory';

/** Invites the review's expert leader by email (an account is made when they accept); the rest of the team is the team page's. */
export function InviteLeader({ reviewId, onInvited }: { reviewId: string; onInvited?(email: string): void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [result, invite] = useMutation(InviteLeaderMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await invite({ reviewId, email: email.trim() });
    if (sent.data) {
      const to = sent.data.addTeamMember.invitedEmail ?? email.trim();
      setSentTo(to);
      setEmail('');
      onInvited?.(to);
    }
  };
  return (
    <section aria-labelledby={`invite-leader-${reviewId}`} className="inline-form">
      <h3 id={`invite-leader-${reviewId}`}>
        <FormattedMessage id="secretariat.invite.title" />
      </h3>
      {sentTo && (
        <Alert kind="success">
          <FormattedMessage id="secretariat.invite.sent" values={{ email: sentTo }} />
        </Alert>
      )}
      <form onSubmit={submit} className="search-row">
        <TextField
          label={t('secretariat.invite.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problem ? (problemFor(problem.problems, 'email') ?? problem.message) : undefined}
        />
        <Button type="submit" disabled={result.fetching || !email.trim()}>
          <FormattedMessage id="secretariat.invite.send" />
        </Button>
      </form>
      <p className="muted">
        <FormattedMessage id="secretariat.invite.teamPage" />{' '}
        <Link to={`/reviews/${reviewId}/team`}>
          <FormattedMessage id="secretariat.invite.teamLink" />
        </Link>
      </p>
    </section>
  );
}
