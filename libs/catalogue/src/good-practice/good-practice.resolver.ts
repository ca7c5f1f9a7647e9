import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, CurrentUser, GraphqlContext, groupInOrder, Me, oneInOrder, Public, requestLanguage } from '@peervisit/platform';
import { JSONScalar } from '@peervisit/platform/entities';
import { FieldOfAction } from '../field-of-action/field-of-action.entity';
import { CRITERIA_KEYS, CRITERIA_LABELS } from './good-practice-document';
import { GoodPractice, GoodPracticeRevision } from './good-practice.entity';
import { GoodPracticeInput, GoodPracticesArgs, GoodPracticeTranslationInput } from './good-practice.inputs';
import { GoodPracticeService, practiceTextsIn } from './good-practice.service';
import { teaserOf } from './good-practice-text';
import { GoodPracticeConnection, GoodPracticeCriterion, GoodPracticeFacets, GoodPracticeTexts } from './good-practice.types';

/** Loads fields of action by id once per request. */
export function fieldOfActionLoader(ctx: GraphqlContext, service: GoodPracticeService) {
  return ctx.loaders.get<string, FieldOfAction | null>('FieldOfActionById', async (ids) =>
    oneInOrder(ids, await service.fieldsByIds(ids), (f) => f.id),
  );
}

@Resolver(() => GoodPractice)
export class GoodPracticeResolver {
  constructor(private readonly practices: GoodPracticeService) {}

  // Public: the published catalogue is read without signing in; the service keeps the rest private.
  @Public()
  @Query(() => GoodPracticeConnection, {
    description:
      'The good-practice catalogue, newest published first, filtered like the ICC listing (field of action, country, city, year, criteria met, words). Published ones need no sign-in.',
  })
  goodPractices(@Me() user: CurrentUser | undefined, @Args() args: GoodPracticesArgs) {
    const { first, after, ...filters } = args;
    return this.practices.list(user, filters, { first, after });
  }

  @Public()
  @Query(() => GoodPractice, {
    description: 'A published good practice (no sign-in needed), or a draft or submitted one of yours (admins: any); NOT_FOUND otherwise.',
  })
  goodPractice(@Me() user: CurrentUser | undefined, @Args('id', { type: () => ID }) id: string) {
    return this.practices.get(user, id);
  }

  @Public()
  @Query(() => GoodPracticeFacets, {
    description: 'The cities, countries and years of the published good practices, for the filters of the catalogue (no sign-in needed).',
  })
  goodPracticeFacets() {
    return this.practices.facets();
  }

  // A few kB of text fields (query cost, BYTES_PER_COST).
  @Query(() => JSONScalar, {
    complexity: 40,
    description: 'A good practice as a GoodPracticeDocument (the JSON form importGoodPractice takes).',
  })
  goodPracticeExport(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.practices.export(user, id);
  }

  @Mutation(() => GoodPractice, {
    description: 'Drafts a good practice (anyone signed in); every problem with the input is listed at once.',
  })
  createGoodPractice(@Me() user: CurrentUser, @Args('input') input: GoodPracticeInput) {
    return this.practices.createFromInput(user, input);
  }

  @AdminOnly()
  @Mutation(() => GoodPractice, {
    description:
      'Imports a GoodPracticeDocument (JSON) as a draft of yours (the network secretariat; others draft with createGoodPractice). Invalid input is refused with every problem listed (extensions.problems).',
  })
  importGoodPractice(@Me() user: CurrentUser, @Args('document', { type: () => JSONScalar }) document: unknown) {
    return this.practices.import(user, document);
  }

  @Mutation(() => GoodPractice, {
    description: 'Replaces every field of a draft (its author or an admin). An outdated expectedVersion is a CONFLICT.',
  })
  updateGoodPractice(
    @Me() user: CurrentUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: GoodPracticeInput,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ) {
    return this.practices.update(user, id, input, expectedVersion);
  }

  @Mutation(() => GoodPractice, { description: 'Sends a draft to the network secretariat for publication (its author or an admin).' })
  submitGoodPractice(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.practices.submit(user, id);
  }

  @Mutation(() => GoodPractice, {
    description: 'Sends a submitted good practice back to draft (its author or an admin), optionally saying why.',
  })
  returnGoodPracticeToDraft(
    @Me() user: CurrentUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.practices.returnToDraft(user, id, reason);
  }

  @AdminOnly()
  @Mutation(() => GoodPractice, { description: 'Publishes a submitted good practice (the network secretariat).' })
  publishGoodPractice(@Me() user: CurrentUser, @Args('id', { type: () => ID }) id: string) {
    return this.practices.publish(user, id);
  }

  @AdminOnly()
  @Mutation(() => GoodPractice, {
    description:
      'Sets one language’s translation of a good practice’s texts (the network secretariat), in any status: texts given are set, an empty one removes its translation. An outdated expectedVersion is a CONFLICT.',
  })
  translateGoodPractice(
    @Me() user: CurrentUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('language', { description: 'ISO 639-1 code, e.g. fr; not the language the practice is written in.' }) language: string,
    @Args('texts') texts: GoodPracticeTranslationInput,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ) {
    return this.practices.translate(user, id, language, texts, expectedVersion);
  }

  @ResolveField(() => GoodPracticeTexts, {
    description:
      "The texts for a reader: in `language` (default the caller's) where translated, else in English where translated, else as written. The plain fields (title, purpose…) are always as written.",
  })
  translation(
    @Parent() practice: GoodPractice,
    @Args('language', { type: () => String, nullable: true, description: 'ISO 639-1 code, e.g. fr.' }) language?: string | null,
  ): GoodPracticeTexts {
    return practiceTextsIn(practice, language || requestLanguage());
  }

  @ResolveField(() => [String], { description: 'The languages it has a translation into (besides its own).' })
  translatedLanguages(practice: GoodPractice): string[] {
    return Object.keys(practice.translations ?? {}).sort();
  }

  @ResolveField(() => String, { nullable: true, description: 'The first ~200 characters of the purpose, for lists.' })
  teaser(practice: GoodPractice) {
    return teaserOf(practice);
  }

  @ResolveField(() => FieldOfAction)
  async mainFieldOfAction(practice: GoodPractice, _args: unknown, ctx: GraphqlContext) {
    return fieldOfActionLoader(ctx, this.practices).load(practice.mainFieldOfActionId);
  }

  @ResolveField(() => [FieldOfAction])
  async furtherFieldsOfAction(practice: GoodPractice, _args: unknown, ctx: GraphqlContext) {
    return (await fieldOfActionLoader(ctx, this.practices).loadMany(practice.furtherFieldOfActionIds)).filter(Boolean);
  }

  @ResolveField(() => [FieldOfAction], { description: 'The main field of action, then the further ones.' })
  async fieldsOfAction(practice: GoodPractice, _args: unknown, ctx: GraphqlContext) {
    return (
      await fieldOfActionLoader(ctx, this.practices).loadMany([practice.mainFieldOfActionId, ...practice.furtherFieldOfActionIds])
    ).filter(Boolean);
  }

  @ResolveField(() => [GoodPracticeCriterion], { description: 'All six criteria, in the template order.' })
  criteria(practice: GoodPractice): GoodPracticeCriterion[] {
    return CRITERIA_KEYS.map((key) => ({
      key,
      label: CRITERIA_LABELS[key],
      met: practice.criteria[key]?.met ?? null,
      justification: practice.criteria[key]?.justification ?? '',
    }));
  }

  @ResolveField(() => [GoodPracticeRevision], {
    nullable: true,
    description: 'Every version, oldest first: for its author and admins (null for others).',
  })
  async revisions(practice: GoodPractice, _args: unknown, ctx: GraphqlContext) {
    if (!this.practices.mayEdit(ctx.req.user, practice)) return null;
    return ctx.loaders
      .get<string, GoodPracticeRevision[]>('GoodPractice.revisions', async (ids) =>
        groupInOrder(ids, await this.practices.revisionsOf(ids), (r) => r.goodPracticeId),
      )
      .load(practice.id);
  }
}
