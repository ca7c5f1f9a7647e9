// `@peervisit/platform/entities`: platform's entities, the base entities and the scalar that entity
// files use, without loading a Nest module (libs import entities from here, not from the barrel;
// test/contract/entity-imports.spec.ts).
import { AuthSession } from './auth/auth-session.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';

export * from './database/base.entity';
export * from './auth/auth-session.entity';
export * from './outbox/outbox-message.entity';
export * from './graphql/json.scalar';

/** Entities platform itself owns (the outbox, sign-in sessions), for the migration tools. */
export const PLATFORM_ENTITIES = [OutboxMessage, AuthSession];
