import { Args, ArgsType, Field, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, PageArgs } from '@peervisit/platform';
import { JSONScalar } from '@peervisit/platform/entities';
import { localize } from './index-document';
import { IndexDefinition, IndexDefinitionStatus } from './index-definition.entity';
import { IndexDefinitionService } from './index-definition.service';
import {
  compositeViews,
  IndexCompositeView,
  IndexDefinitionConnection,
  IndexDefinitionImportResult,
  IndexIndicatorView,
  indicatorViews,
} from './index-definition.types';

@ArgsType()
class IndexDefinitionsArgs extends PageArgs {
  @Field(() => IndexDefinitionStatus, { nullable: true })
  status?: IndexDefinitionStatus;
  @Field({ nullable: true })
  code?: string;
}

const language = { name: 'language', nullable: true, description: 'ISO 639-1 code; English where a translation is missing.' } as const;

@Resolver(() => IndexDefinition)
export class IndexDefinitionResolver {
  constructor(private readonly definitions: IndexDefinitionService) {}

  @Query(() => IndexDefinitionConnection, { description: 'The Intercultural Cities Index definitions, every version.' })
  iccIndexDefinitions(@Args() args: IndexDefinitionsArgs) {
    return this.definitions.list({ status: args.status, code: args.code }, args);
  }

  @Query(() => IndexDefinition, { description: 'One Index definition version; without version, the latest published one.' })
  iccIndexDefinition(@Args('code') code: string, @Args('version', { type: () => Int, nullable: true }) version?: number) {
    return this.definitions.find(code, version ?? undefined);
  }

  @Query(() => JSONScalar, {
    complexity: 100,
    description: 'An Index definition version as JSON, in the form importIccIndexDefinition takes.',
  })
  iccIndexDefinitionExport(@Args('code') code: string, @Args('version', { type: () => Int, nullable: true }) version?: number) {
    return this.definitions.export(code, version ?? undefined);
  }

  @AdminOnly()
  @Mutation(() => IndexDefinitionImportResult, {
    description:
      'Imports an Index definition JSON document. Invalid input is refused with every problem listed (extensions.problems) and nothing written.',
  })
  importIccIndexDefinition(
    @Args('document', { type: () => JSONScalar }) document: unknown,
    @Args('publish', { defaultValue: false }) publish: boolean,
  ) {
    return this.definitions.import(document, { publish });
  }

  @AdminOnly()
  @Mutation(() => IndexDefinition, { description: 'Publishes a draft Index definition; from then on it never changes.' })
  publishIccIndexDefinition(@Args('code') code: string, @Args('version', { type: () => Int }) version: number) {
    return this.definitions.publish(code, version);
  }

  @ResolveField(() => String)
  title(@Parent() definition: IndexDefinition, @Args(language) lang?: string) {
    return localize(definition.content.title, lang ?? undefined);
  }

  @ResolveField(() => String, { nullable: true, description: 'Says which text is illustrative, when some is.' })
  illustrativeNotice(@Parent() definition: IndexDefinition, @Args(language) lang?: string) {
    return definition.content.illustrativeNotice ? localize(definition.content.illustrativeNotice, lang ?? undefined) : null;
  }

  @ResolveField(() => String)
  sourceOrganisation(definition: IndexDefinition) {
    return definition.content.source.organisation;
  }

  @ResolveField(() => String, { description: 'Credit to the source, shown wherever the Index is.' })
  attribution(definition: IndexDefinition) {
    return definition.content.source.attribution;
  }

  @ResolveField(() => [IndexIndicatorView])
  indicators(@Parent() definition: IndexDefinition, @Args(language) lang?: string) {
    return indicatorViews(definition.content, lang ?? undefined);
  }

  @ResolveField(() => [IndexCompositeView])
  composites(@Parent() definition: IndexDefinition, @Args(language) lang?: string) {
    return compositeViews(definition.content, lang ?? undefined);
  }
}
