import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router-dom';
import type { SecretariatPersonFieldsFragment } from '../../graphql/generated/graphql';
import { MessageId, useT } from '../../i18n/i18n';

/** A person's roles: the secretariat, and each review team they are on now (each linked to the review). */
export function PersonRoles({ person }: { person: SecretariatPersonFieldsFragment }) {
  const t = useT();
  if (!person.isAdmin && person.teamRoles.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="secretariat.people.noRoles" />
      </p>
    );
  return (
    <ul className="role-list" aria-label={t('secretariat.people.rolesOf', { name: person.fullName })}>
      {person.isAdmin && (
        <li>
          <span className="tag status-tag">
            <FormattedMessage id="secretariat.people.admin" />
          </span>
        </li>
      )}
      {person.teamRoles.map((r) => (
        <li key={r.reviewId}>
          <strong>{t(`role.${r.role}` as MessageId)}</strong> · <Link to={`/reviews/${r.reviewId}/overview`}>{r.reviewTitle}</Link>{' '}
          <span className="muted">({t(`status.${r.reviewStatus}` as MessageId)})</span>
        </li>
      ))}
    </ul>
  );
}
