import { Args, ArgsType, Context, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, GraphqlContext, groupInOrder, PageArgs } from '@peervisit/platform';
import { JSONScalar } from '@peervisit/platform/entities';
import { Benchmark, BenchmarkStatus } from './benchmark.entity';
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

  @ResolveField(() => [KeyFactor])
  keyFactors(@Parent() benchmark: Benchmark, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, KeyFactor[]>('Benchmark.keyFactors', async (ids) =>
        groupInOrder(ids, await this.catalogue.keyFactorsOf(ids), (k) => k.benchmarkId),
      )
      .load(benchmark.id);
  }

  @ResolveField(() => [ContextFactor])
  contextFactors(@Parent() benchmark: Benchmark, @Context() ctx: GraphqlContext) {
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

  @ResolveField(() => [GuideQuestion], { description: 'In the order the benchmark gives them.' })
  guideQuestions(@Parent() keyFactor: KeyFactor, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, GuideQuestion[]>('KeyFactor.guideQuestions', async (ids) =>
        groupInOrder(ids, await this.catalogue.guideQuestionsOf(ids), (q) => q.keyFactorId),
      )
      .load(keyFactor.id);
  }

  @ResolveField(() => [KeyFactorExample])
  examples(@Parent() keyFactor: KeyFactor, @Context() ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, KeyFactorExample[]>('KeyFactor.examples', async (ids) =>
        groupInOrder(ids, await this.catalogue.examplesOf(ids), (e) => e.keyFactorId),
      )
      .load(keyFactor.id);
  }
}
