import { FormattedMessage } from 'react-intl';
import type { CombinedError } from 'urql';
import { Alert } from '../ui/primitives';

/** What a page shows before its data: an error when it could not load, else a status line. */
export function Loading({ error }: { error?: CombinedError }) {
  if (error) return <Alert kind="error">{error.graphQLErrors[0]?.message ?? <FormattedMessage id="common.loadFailed" />}</Alert>;
  return (
    <p role="status">
      <FormattedMessage id="common.loading" />
    </p>
  );
}
