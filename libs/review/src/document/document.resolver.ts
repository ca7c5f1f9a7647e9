import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Person } from '@peervisit/directory/entities';
import { CurrentUser, GraphqlContext, Me } from '@peervisit/platform';
import { ReviewLoaders } from '../review/review-loaders';
import { Document } from './document.entity';
import { DocumentLinkInput } from './document.inputs';
import { DocumentService, downloadPathOf } from './document.service';

/** Documents in GraphQL; uploads and downloads are plain HTTP (DocumentController). */
@Resolver(() => Document)
export class DocumentResolver {
  constructor(
    private readonly documents: DocumentService,
    private readonly loaders: ReviewLoaders,
  ) {}

  @Query(() => [Document], { description: "A review's documents, oldest first; retracted ones only when asked for." })
  reviewDocuments(
    @Me() user: CurrentUser,
    @Context() ctx: GraphqlContext,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('includeRetracted', { type: () => Boolean, defaultValue: false }) includeRetracted: boolean,
  ) {
    return this.documents.list(user, reviewId, { includeRetracted }, ctx);
  }

  @Mutation(() => Document, {
    description:
      'Adds a document that is a link. To upload a file, POST multipart/form-data to /reviews/{reviewId}/documents (with replacesDocumentId for a new version of a document).',
  })
  addDocumentLink(
    @Me() user: CurrentUser,
    @Context() ctx: GraphqlContext,
    @Args('reviewId', { type: () => ID }) reviewId: string,
    @Args('input') input: DocumentLinkInput,
  ) {
    return this.documents.addLink(user, reviewId, input, ctx);
  }

  @Mutation(() => Document, { description: 'Withdraws a document from the evidence. The row and the file are kept.' })
  retractDocument(
    @Me() user: CurrentUser,
    @Context() ctx: GraphqlContext,
    @Args('documentId', { type: () => ID }) documentId: string,
    @Args('reason') reason: string,
  ) {
    return this.documents.retract(user, documentId, reason, ctx);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who added it.' })
  addedBy(document: Document, _args: unknown, ctx: GraphqlContext) {
    return this.loaders.of(ctx).personOf(document.reviewId, document.addedById);
  }

  @ResolveField(() => String, { nullable: true, description: 'Where to GET the file (with the same Bearer token); null for a link.' })
  downloadPath(document: Document): string | null {
    return downloadPathOf(document);
  }
}
