import { CATALOGUE_ENTITIES } from '@peervisit/catalogue';
import { DIRECTORY_ENTITIES } from '@peervisit/directory';
import { REVIEW_ENTITIES } from '@peervisit/review';

/** Every entity of the schema, for the migration CLI and the entities-vs-migrations check. */
export const ALL_ENTITIES = [...CATALOGUE_ENTITIES, ...DIRECTORY_ENTITIES, ...REVIEW_ENTITIES];
