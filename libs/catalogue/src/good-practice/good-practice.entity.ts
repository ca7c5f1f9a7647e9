import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar, TimestampedEntity, UuidEntity } from '@peervisit/platform/entities';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { FieldOfAction } from '../field-of-action/field-of-action.entity';
import type { CriterionKey, GoodPracticeDocument } from './good-practice-document';
import type { RowTranslations } from '../translation/translatable-text';

export enum GoodPracticeStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(GoodPracticeStatus, {
  name: 'GoodPracticeStatus',
  description:
    'DRAFT (the author edits) → SUBMITTED (waiting for the network secretariat; can go back to DRAFT) → PUBLISHED (public: anyone reads it, signed in or not).',
});

/**
 * The full-text expression over title, main purpose and the description (the title weighs most), in
 * the practice's language, and over each translation in its own language
 * (`good_practice_translations_tsvector`, made in the migration GoodPracticeTranslationSearch).
 * Queries must use the same expression for the GIN index `good_practice_search_gin` to serve them;
 * `alias` is the query's alias for the good_practice table (or '' in the migration).
 */
export function goodPracticeSearchVector(alias = ''): string {
  const c = (column: string) => (alias ? `${alias}.${column}` : column);
  return (
    `(setweight(to_tsvector(text_search_config(${c('language')}), ${c('title')}), 'A') || ` +
    `to_tsvector(text_search_config(${c('language')}), coalesce(${c('main_purpose')}, '') || ' ' || coalesce(${c('purpose')}, '') || ' ' || coalesce(${c('stimulus')}, '') || ' ' || ` +
    `coalesce(${c('process')}, '') || ' ' || coalesce(${c('impact')}, '')) || ` +
    `good_practice_translations_tsvector(${c('translations')}))`
  );
}

@ObjectType()
export class KeyReferenceDocument {
  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  url?: string;
}

export type StoredCriteria = Partial<Record<CriterionKey, { met: boolean; justification: string }>>;

/**
 * One good practice in the ICC template ("Guide and template for collection of good practices"):
 * contact details, the action, its description and the six criteria, one column per field of
 * GoodPracticeDocument (the import/export form).
 *
 * The source links (sourceReviewId, sourceEvidenceId, sourceRecommendationId) are plain uuid
 * columns without foreign keys on purpose: the catalogue does not depend on the review lib (the
 * review lib depends on the catalogue), so the review tables are not referenced from here.
 */
@ObjectType({ description: 'A good practice of a city, in the ICC template (contact, action, description, criteria).' })
@Entity()
@Index(['status', 'publishedAt'])
// Made by hand in the migration (an expression index TypeORM cannot express): full text over
// goodPracticeSearchVector().
@Index('good_practice_search_gin', { synchronize: false })
export class GoodPractice extends TimestampedEntity {
  @Field(() => GoodPracticeStatus)
  @Column({ type: 'enum', enum: GoodPracticeStatus, enumName: 'good_practice_status', default: GoodPracticeStatus.DRAFT })
  status: GoodPracticeStatus;

  // Contact details
  @Field({ description: 'The city, as written in the template.' })
  @Column('text')
  city: string;

  @Field(() => ID, { nullable: true, description: 'The city in the directory, when the name (and country) match one.' })
  @Index()
  @Column('uuid', { nullable: true })
  cityId: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, e.g. NO.' })
  @Column('varchar', { length: 2, nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  department: string | null;

  @Field(() => String, { nullable: true, description: 'Date of completing the form, YYYY-MM-DD.' })
  @Column('date', { nullable: true })
  completedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  contactPerson: string | null;

  @Field({ description: 'The language the practice is written in (en, fr, de…), which picks its full-text configuration.' })
  @Column('text', { default: 'en' })
  language: string;

  // The action
  @Field()
  @Column('text')
  title: string;

  @Field(() => ID)
  @Column('uuid')
  mainFieldOfActionId: string;

  @ManyToOne(() => FieldOfAction, { onDelete: 'RESTRICT' })
  @JoinColumn()
  mainFieldOfAction?: FieldOfAction;

  @Field(() => [ID], { description: 'In the order given.' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  furtherFieldOfActionIds: string[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  mainPurpose: string | null;

  @Field(() => String, { nullable: true, description: 'As written, e.g. "2016-", "From September 2014 to May 2015".' })
  @Column('text', { nullable: true })
  implementationPeriod: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of the implementation period, read from it (null when it names no year).' })
  @Column('int', { nullable: true })
  periodStartYear: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of the implementation period (null when ongoing or unknown).' })
  @Column('int', { nullable: true })
  periodEndYear: number | null;

  // Description of the action
  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  purpose: string | null;

  @Field(() => String, { nullable: true, description: 'Stimulus/Rationale.' })
  @Column('text', { nullable: true })
  stimulus: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  process: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  impact: string | null;

  @Field(() => [KeyReferenceDocument])
  @Column('jsonb')
  keyReferenceDocuments: { title: string; url?: string }[];

  /**
   * Translations of title, mainPurpose, purpose, stimulus, process and impact, by language then field
   * (the columns, in `language`, are the source). Shown through the `translation` resolve field.
   */
  @Column('jsonb', { default: () => "'{}'" })
  translations: RowTranslations;

  /** Keyed by CRITERIA_KEYS; only the criteria the author assessed. Shown through the `criteria` resolve field. */
  @Column('jsonb')
  criteria: StoredCriteria;

  // Workflow
  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  publishedById: string | null;

  @Field(() => ID, { description: 'The author.' })
  @Index()
  @Column('uuid')
  createdById: string;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  updatedById: string | null;

  // Where it came from (no foreign keys: see the class comment)
  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  sourceReviewId: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column('uuid', { nullable: true })
  sourceEvidenceId: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column('uuid', { nullable: true })
  sourceRecommendationId: string | null;

  @Field(() => Int, { description: 'Send it back as expectedVersion; an outdated one is a CONFLICT.' })
  @Column('int', { default: 1 })
  version: number;

  @Field()
  declare updatedAt: Date;
}

/** A good practice as it was after one change (every version is kept, so nothing entered is lost). */
@ObjectType()
@Entity()
@Index(['goodPracticeId', 'version'], { unique: true })
export class GoodPracticeRevision extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  goodPracticeId: string;

  @ManyToOne(() => GoodPractice, { onDelete: 'CASCADE' })
  @JoinColumn()
  goodPractice?: GoodPractice;

  @Field(() => Int, { description: 'The version this change produced.' })
  @Column('int')
  version: number;

  @Field({ description: 'create, import, promote, update, submit, returnToDraft or publish.' })
  @Column('text')
  action: string;

  @Field(() => GoodPracticeStatus)
  @Column({ type: 'enum', enum: GoodPracticeStatus, enumName: 'good_practice_status' })
  status: GoodPracticeStatus;

  @Field(() => JSONScalar, { description: 'The whole good practice after the change, as a GoodPracticeDocument.' })
  @Column('jsonb')
  document: GoodPracticeDocument;

  @Field(() => String, { nullable: true, description: 'Why, when one was given (e.g. sending it back to draft).' })
  @Column('text', { nullable: true })
  note: string | null;

  @Field(() => ID)
  @Column('uuid')
  savedById: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  savedAt: Date;
}
