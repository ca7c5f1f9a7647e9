import { Field, ID, InputType } from '@nestjs/graphql';
import { DocumentType } from './document.entity';

@InputType({ description: 'A document that lives elsewhere on the web. Files are uploaded over HTTP: POST /reviews/{reviewId}/documents.' })
export class DocumentLinkInput {
  @Field({ description: 'At most 300 characters.' })
  title: string;

  @Field(() => DocumentType)
  type: DocumentType;

  @Field({ description: 'An http:// or https:// address.' })
  url: string;

  @Field(() => [ID], {
    nullable: true,
    defaultValue: [],
    description: "Key factors the document speaks to; each must be in the review's scope.",
  })
  keyFactorIds?: string[];
}
