import { CATALOGUE_ENTITIES } from '@peervisit/catalogue';
import { PLATFORM_ENTITIES } from '@peervisit/platform';
import { DIRECTORY_ENTITIES } from '@peervisit/directory';
import { REVIEW_ENTITIES } from '@peervisit/review';
import { NOTIFICATIONS_ENTITIES } from '@peervisit/notifications';
import { REPORTING_ENTITIES } from '@peervisit/reporting';

/** Every entity of the schema, for the migration CLI and the entities-vs-migrations check. */
export const ALL_ENTITIES = [...PLATFORM_ENTITIES, ...CATALOGUE_ENTITIES, ...DIRECTORY_ENTITIES, ...REVIEW_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...REPORTING_ENTITIES];
