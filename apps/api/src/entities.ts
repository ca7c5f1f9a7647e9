import { CATALOGUE_ENTITIES } from '@peervisit/catalogue/entities';
import { PLATFORM_ENTITIES } from '@peervisit/platform/entities';
import { DIRECTORY_ENTITIES } from '@peervisit/directory/entities';
import { REVIEW_ENTITIES } from '@peervisit/review/entities';
import { NOTIFICATIONS_ENTITIES } from '@peervisit/notifications/entities';
import { REPORTING_ENTITIES } from '@peervisit/reporting/entities';
import { ICC_INDEX_ENTITIES } from '@peervisit/icc-index/entities';

/** Every entity of the schema, for the migration CLI and the entities-vs-migrations check. */
export const ALL_ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...REVIEW_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...REPORTING_ENTITIES,
  ...ICC_INDEX_ENTITIES,
];
