import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// The columns most entities share, declared once. Each level adds one column, so an entity takes the
// one that matches its table: changing a column here changes every table that inherits it (the
// migrations check, test/contract/migrations.spec.ts, then asks for a migration).

/** A row whose id is a UUID the database makes (`gen_random_uuid()`), in GraphQL as `id: ID!`. */
@ObjectType({ isAbstract: true })
export abstract class UuidEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

/** …and when it was created, in GraphQL as `createdAt`. */
@ObjectType({ isAbstract: true })
export abstract class CreatedEntity extends UuidEntity {
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * …and when it last changed. Not in GraphQL unless the entity says so
 * (`@Field() declare updatedAt: Date`), because most types do not show it.
 */
@ObjectType({ isAbstract: true })
export abstract class TimestampedEntity extends CreatedEntity {
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
