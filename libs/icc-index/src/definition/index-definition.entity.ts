import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '@peervisit/platform/entities';
import type { IndexDocument } from './index-document';

export enum IndexDefinitionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(IndexDefinitionStatus, {
  name: 'IccIndexDefinitionStatus',
  description: 'A published version never changes; a change is a new version.',
});

/**
 * One version of the Intercultural Cities Index: its indicators, composites and questions. The content
 * is kept whole as the validated document (jsonb): it is read whole (scoring, export), never queried
 * piecemeal, and answers refer to a question by its code, which is unique within a version.
 */
@ObjectType('IccIndexDefinition', { description: 'One version of the Intercultural Cities Index: indicators, composites, questions.' })
@Entity('icc_index_definition')
@Index(['code', 'version'], { unique: true })
export class IndexDefinition extends TimestampedEntity {
  @Field({ description: 'Stable code shared by every version, e.g. ICC-INDEX.' })
  @Column()
  code: string;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Field(() => IndexDefinitionStatus)
  @Column({ type: 'enum', enum: IndexDefinitionStatus, enumName: 'icc_index_definition_status', default: IndexDefinitionStatus.DRAFT })
  status: IndexDefinitionStatus;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field({ description: "True when some question text is PeerVisit's own illustration, not the official questionnaire." })
  @Column({ default: false })
  illustrative: boolean;

  /** The validated document, without its version (that is the column). */
  @Column('jsonb')
  content: Omit<IndexDocument, 'version'>;
}
