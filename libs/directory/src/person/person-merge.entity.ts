import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CreatedEntity } from '@peervisit/platform/entities';
import { Column, Entity, Index } from 'typeorm';

@ObjectType({ description: 'How many rows of one kind a merge moved to the person kept.' })
export class PersonMergeCount {
  @Field({ description: 'What was moved, e.g. "team memberships" or "evidence logged".' })
  what: string;

  @Field(() => Int)
  count: number;
}

/**
 * The record of one merge of duplicate people (the secretariat's directory audit): who was merged
 * into whom, by whom, and what moved. The merged person's row is deleted, so their name and email
 * are kept here.
 */
@ObjectType({ description: 'Two accounts of one person merged into one (network secretariat).' })
@Entity()
export class PersonMerge extends CreatedEntity {
  @Field(() => ID, { description: 'The person kept: everything of the merged one is theirs now.' })
  @Index()
  @Column('uuid')
  keptPersonId: string;

  @Field(() => ID, { description: 'The id the merged person had (no longer a person).' })
  @Index()
  @Column('uuid')
  mergedPersonId: string;

  @Field()
  @Column()
  mergedEmail: string;

  @Field()
  @Column()
  mergedFullName: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  mergedById: string | null;

  @Field(() => [PersonMergeCount], { description: 'What moved to the person kept (kinds with nothing to move are left out).' })
  @Column('jsonb', { default: [] })
  moved: PersonMergeCount[];
}
