import { Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext, groupInOrder, Public } from '@peervisit/platform';
import { FieldOfAction } from './field-of-action.entity';
import { FieldOfActionService } from './field-of-action.service';

@Resolver(() => FieldOfAction)
export class FieldOfActionResolver {
  constructor(private readonly fields: FieldOfActionService) {}

  // Public: the reference data the public good-practice catalogue is filtered by.
  @Public()
  @Query(() => [FieldOfAction], { description: 'The 16 ICC fields of action, in order, each with its sub-fields (no sign-in needed).' })
  fieldsOfAction() {
    return this.fields.topLevel();
  }

  @ResolveField(() => [FieldOfAction])
  subFields(field: FieldOfAction, _args: unknown, ctx: GraphqlContext) {
    return ctx.loaders
      .get<string, FieldOfAction[]>('FieldOfAction.subFields', async (ids) =>
        groupInOrder(ids, await this.fields.subFieldsOf(ids), (f) => f.parentId as string),
      )
      .load(field.id);
  }
}
