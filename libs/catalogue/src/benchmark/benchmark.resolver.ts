import { Args, ArgsType, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, GraphqlContext, groupInOrder, PageArgs, requestLanguage } from '@peervisit/platform';
import { JSONScalar } from '@peervisit/platform/entities';
import { translated } from '../translation/translatable-text';
import { Benchmark, BenchmarkStatus, RatingLevel } from './benchmark.entity';
import { BenchmarkService } from './benchmark.service';
import { BenchmarkConnection, BenchmarkImportResult } from './benchmark.types';
import { ContextFactor } from './context-factor.entity';
import { GuideQuestion, KeyFactor, KeyFactorExample } from './key-factor.entity';

@ArgsType()
class BenchmarksArgs extends PageArgs {
  @Field(() => BenchmarkStatus, { nullable: true })
  status?: BenchmarkStatus;
  @Field({ nullable: true })
  code?: string;
}

/** The `language` argument of every translatable text: the caller's language when omitted, English where no translation is. */
const language = {
  name: 'language',
  type: () => String,
  nullable: true,
  description:
    "ISO 639-1 code, e.g. fr; without it the caller's language (Accept-Language, else their own). English where no translation is.",
} as const;

/** The text of `field` in the language asked for, or the caller's; English when it has no translation. */
const textIn = (
  row: { translations?: Record<string, Record<string, string>> | null },
  field: string,
  english: string,
  lang?: string | null,
) => translated(english, row.translations, field, lang || requestLanguage());

@Resolver(() => Benchmark)
export class BenchmarkResolver {
  constructor(private readonly catalogue: BenchmarkService) {}

  @Query(() => BenchmarkConnection, { description: 'The benchmark catalogue, every version.' })
  benchmarks(@Args() args: BenchmarksArgs) {
    return this.catalogue.list({ status: args.status, code: args.code }, args);
  }

  @Query(() => Benchmark, { description: 'One benchmark version; without version, the latest published one.' })
  benchmark(@Args('code') code: string, @Args('version', { type: () => Int, nullable: true }) version?: number) {
    return this.catalogue.find(code, version ?? undefined);
  }

  // About 35 kB for the shipped benchmark: priced like that much answer (query cost, BYTES_PER_COST).
  @Query(() => JSONScalar, { complexity: 200, description: 'A benchmark version as a JSON document, in the form importBenchmark takes.' })
  benchmarkExport(@Args('code') code: string, @Args('version', { type: () => Int, nullable: true }) version?: number) {
    return this.catalogue.export(code, version ?? undefined);
  }

  @AdminOnly()
  @Mutation(() => BenchmarkImportResult, {
    description:
      'Imports a benchmark JSON document. Invalid input is refused with every problem listed (extensions.problems) and nothing written.',
  })
  importBenchmark(
    @Args('document', { type: () => JSONScalar }) document: unknown,
    @Args('publish', { defaultValue: false }) publish: boolean,
  ) {
    return this.catalogue.import(document, { publish });
  }

  @AdminOnly()
  @Mutation(() => Benchmark, { description: 'Publishes a draft version; from then on it never changes.' })
  publishBenchmark(@Args('code') code: string, @Args('version', { type: () => Int }) version: number) {
    return this.catalogue.publish(code, version);
  }

  @ResolveField(() => String)
  title(@Parent() benchmark: Benchmark, @Args(language) lang?: string) {
    return textIn(benchmark, 'title', benchmark.title, lang);
  }

  @ResolveField(() => String, { description: 'The standard statement the key factors break down.' })
  standard(@Parent() benchmark: Benchmark, @Args(language) lang?: string) {
    return textIn(benchmark, 'standard', benchmark.standard, lang);
  }

  @ResolveField(() => [RatingLevel])
  ratingScale(@Parent() benchmark: Benchmark, @Args(language) lang?: string): RatingLevel[] {
    return benchmark.ratingScale.map((level) => ({
      value: level.value,
      label: textIn(level, 'label', level.label, lang),
      description: textIn(level, 'description', level.description, lang),
    }));
  }

  @ResolveField(() => [KeyFactor])
  keyFactors(benchmark: Benchmark, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, KeyFactor[]>('Benchmark.keyFactors', async (ids) =>
        groupInOrder(ids, await this.catalogue.keyFactorsOf(ids), (k) => k.benchmarkId),
      )
      .load(benchmark.id);
  }

  @ResolveField(() => [ContextFactor])
  contextFactors(benchmark: Benchmark, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, ContextFactor[]>('Benchmark.contextFactors', async (ids) =>
        groupInOrder(ids, await this.catalogue.contextFactorsOf(ids), (c) => c.benchmarkId),
      )
      .load(benchmark.id);
  }
}

@Resolver(() => KeyFactor)
export class KeyFactorResolver {
  constructor(private readonly catalogue: BenchmarkService) {}

  @ResolveField(() => String)
  heading(@Parent() keyFactor: KeyFactor, @Args(language) lang?: string) {
    return textIn(keyFactor, 'heading', keyFactor.heading, lang);
  }

  @ResolveField(() => String)
  statement(@Parent() keyFactor: KeyFactor, @Args(language) lang?: string) {
    return textIn(keyFactor, 'statement', keyFactor.statement, lang);
  }

  @ResolveField(() => String)
  rationale(@Parent() keyFactor: KeyFactor, @Args(language) lang?: string) {
    return textIn(keyFactor, 'rationale', keyFactor.rationale, lang);
  }

  @ResolveField(() => [GuideQuestion], { description: 'In the order the benchmark gives them.' })
  guideQuestions(keyFactor: KeyFactor, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, GuideQuestion[]>('KeyFactor.guideQuestions', async (ids) =>
        groupInOrder(ids, await this.catalogue.guideQuestionsOf(ids), (q) => q.keyFactorId),
      )
      .load(keyFactor.id);
  }

  @ResolveField(() => [KeyFactorExample])
  examples(keyFactor: KeyFactor, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, KeyFactorExample[]>('KeyFactor.examples', async (ids) =>
        groupInOrder(ids, await this.catalogue.examplesOf(ids), (e) => e.keyFactorId),
      )
      .load(keyFactor.id);
  }
}

@Resolver(() => GuideQuestion)
export class GuideQuestionResolver {
  @ResolveField(() => String)
  text(@Parent() question: GuideQuestion, @Args(language) lang?: string) {
    return textIn(question, 'text', question.text, lang);
  }
}

@Resolver(() => KeyFactorExample)
export class KeyFactorExampleResolver {
  @ResolveField(() => String)
  text(@Parent() example: KeyFactorExample, @Args(language) lang?: string) {
    return textIn(example, 'text', example.text, lang);
  }
}

@Resolver(() => ContextFactor)
export class ContextFactorResolver {
  @ResolveField(() => String)
  name(@Parent() factor: ContextFactor, @Args(language) lang?: string) {
    return textIn(factor, 'name', factor.name, lang);
  }

  @ResolveField(() => String)
  description(@Parent() factor: ContextFactor, @Args(language) lang?: string) {
    return textIn(factor, 'description', factor.description, lang);
  }
}
