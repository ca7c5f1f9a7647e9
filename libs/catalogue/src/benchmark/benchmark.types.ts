import { Field, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@peervisit/platform';
import { Benchmark } from './benchmark.entity';

@ObjectType()
export class BenchmarkConnection extends ConnectionType(Benchmark) {}

@ObjectType()
export class BenchmarkImportResult {
  @Field(() => Benchmark)
  benchmark: Benchmark;
  @Field({ description: 'created, updated (a draft replaced) or unchanged (identical content was already there).' })
  outcome: string;
}
