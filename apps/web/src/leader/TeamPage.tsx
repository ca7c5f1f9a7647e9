import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { ReviewRole } from '../graphql/generated/graphql';
import { apiError, problemFor } from '../graphql/errors';
import { MessageId, useT } from '../i18n/i18n';
import { Alert, Button, Select, TextField } from '../ui/primitives';
import { Loading } from './Loading';
import {
  ChangeRoleMutation,
  InviteMutation,
  RemoveMemberMutation,
  ResendInvitationMutation,
  TeamQuery,
  WithdrawInvitationMutation,
} from './operations';
import './leader.css';

const ROLES: ReviewRole[] = ['PEER', 'EXPERT_LEADER', 'OBSERVER', 'HOST_COORDINATOR', 'HOST_CONTRIBUTOR'];

/** The team: who is on it in which role, pending invitations, and the composition the next step needs. */
export function TeamPage() {
  const { reviewId = '' } = useParams();
  const t = useT();
  const intl = useIntl();
  const [{ data, error }, refetch] = useQuery({ query: TeamQuery, variables: { reviewId }, requestPolicy: 'cache-and-network' });
  const [, changeRole] = useMutation(ChangeRoleMutation);
  const [, remove] = useMutation(RemoveMemberMutation);
  const [, resend] = useMutation(ResendInvitationMutation);
  const [, withdraw] = useMutation(WithdrawInvitationMutation);
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  if (!data) return <Loading error={error} />;
  const review = data.review;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const act = async (run: () => Promise<{ error?: Parameters<typeof apiError>[0] }>, success: string) => {
    const result = await run();
    const problem = apiError(result.error);
    setNotice(problem ? { kind: 'error', text: problem.message } : { kind: 'success', text: success });
    if (!result.error) reload();
  };
  // What the next step still needs of the team, straight from the API's own check.
  const teamGaps = review.nextSteps.flatMap((s) => s.missing).filter((m) => /team|expert|secretariat|leader/i.test(m));
  const date = (iso: string) => intl.formatDate(iso, { day: 'numeric', month: 'short', year: 'numeric' });

  return (
    <div className="leader-page">
      <h1>
        <FormattedMessage id="leader.team.title" />
      </h1>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <section className="card" aria-labelledby="rule-heading">
        <h2 id="rule-heading">
          <FormattedMessage id="leader.team.rule" />
        </h2>
        <p>
          <FormattedMessage id={review.kind === 'EXPERT_VISIT' ? 'leader.team.ruleExpertVisit' : 'leader.team.ruleOther'} />
        </p>
        {teamGaps.length ? (
          <ul className="checklist">
            {[...new Set(teamGaps)].map((m) => (
              <li key={m} className="check-missing">
                <span aria-hidden="true">✗</span> <FormattedMessage id="leader.overview.missing" values={{ what: m }} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="check-done">
            <span aria-hidden="true">✓</span> <FormattedMessage id="leader.team.ruleMet" />
          </p>
        )}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">
          <FormattedMessage id="leader.team.members" values={{ count: review.team.length }} />
        </h2>
        <ul className="member-list">
          {review.team.map((m) => (
            <li key={m.id} className="card member" data-testid="member">
              <div>
                <strong>{m.person.fullName}</strong> <span className="muted">{m.person.email}</span>
                {m.person.organisation && <div className="muted">{m.person.organisation.name}</div>}
              </div>
              <div className="member-actions">
                <Select
                  label={t('leader.team.roleOf', { name: m.person.fullName })}
                  value={m.role}
                  onChange={(e) =>
                    void act(
                      () => changeRole({ reviewId, memberId: m.id, role: e.target.value as ReviewRole }),
                      t('leader.team.roleChanged', { name: m.person.fullName }),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}` as MessageId)}
                    </option>
                  ))}
                </Select>
                <Button
                  variant="secondary"
                  onClick={() => {
                    if (window.confirm(t('leader.team.removeConfirm', { name: m.person.fullName })))
                      void act(() => remove({ reviewId, memberId: m.id }), t('leader.team.removed', { name: m.person.fullName }));
                  }}
                >
                  <FormattedMessage id="leader.team.remove" />
                  <span className="visually-hidden"> {m.person.fullName}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <Invite
        reviewId={reviewId}
        onInvited={(email) => {
          setNotice({ kind: 'success', text: t('leader.team.invited', { email }) });
          reload();
        }}
      />

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">
          <FormattedMessage id="leader.team.pending" values={{ count: data.teamInvitations.length }} />
        </h2>
        {data.teamInvitations.length === 0 && (
          <p className="muted">
            <FormattedMessage id="leader.team.noPending" />
          </p>
        )}
        <ul className="member-list">
          {data.teamInvitations.map((i) => (
            <li key={i.id} className="card member" data-testid="invitation">
              <div>
                <strong>{i.email}</strong> · {t(`role.${i.role}` as MessageId)}
                <div className="muted">
                  <FormattedMessage
                    id="leader.team.sentOn"
                    values={{ sent: date(i.createdAt), expires: date(i.expiresAt), by: i.invitedBy?.fullName ?? '—' }}
                  />
                </div>
              </div>
              <div className="member-actions">
                <Button
                  variant="secondary"
                  onClick={() => void act(() => resend({ reviewId, invitationId: i.id }), t('leader.team.resent', { email: i.email }))}
                >
                  <FormattedMessage id="leader.team.resend" />
                  <span className="visually-hidden"> {i.email}</span>
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => void act(() => withdraw({ reviewId, invitationId: i.id }), t('leader.team.withdrawn', { email: i.email }))}
                >
                  <FormattedMessage id="leader.team.withdraw" />
                  <span className="visually-hidden"> {i.email}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Invite({ reviewId, onInvited }: { reviewId: string; onInvited(email: string): void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ReviewRole>('PEER');
  const [result, invite] = useMutation(InviteMutation);
  const problem = apiError(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = await invite({ reviewId, input: { email: email.trim(), role } });
    if (!sent.error) {
      onInvited(sent.data?.addTeamMember.invitedEmail ?? email);
      setEmail('');
    }
  };
  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">
        <FormattedMessage id="leader.team.invite" />
      </h2>
      <form onSubmit={submit} className="form-row">
        <TextField
          label={t('leader.team.email')}
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problem ? (problemFor(problem.problems, 'email') ?? problem.message) : undefined}
        />
        <Select label={t('leader.team.role')} value={role} onChange={(e) => setRole(e.target.value as ReviewRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageId)}
            </option>
          ))}
        </Select>
        <div className="form-actions">
          <Button type="submit" disabled={result.fetching || !email.trim()}>
            <FormattedMessage id="leader.team.send" />
          </Button>
        </div>
      </form>
    </section>
  );
}
