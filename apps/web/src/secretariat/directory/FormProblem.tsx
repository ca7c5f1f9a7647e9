import { FormattedMessage } from 'react-intl';
import type { Problem } from '../../graphql/errors';
import { Alert } from '../../ui/primitives';

/**
 * What the API refused, above a form: its sentence, or when it named fields (each error then shows
 * beside its field), a plain pointer to them rather than the field names the API uses.
 */
export function FormProblem({ problem }: { problem: { message: string; problems: Problem[] } | null }) {
  if (!problem) return null;
  return <Alert kind="error">{problem.problems.length ? <FormattedMessage id="secretariat.fixFields" /> : problem.message}</Alert>;
}
