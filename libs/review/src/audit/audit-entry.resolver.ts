import { Field, ID, ObjectType, registerEnumType, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthToken, Person, Stakeholder } from '@peervisit/directory/entities';
import { GraphqlContext, oneInOrder } from '@peervisit/platform';
import { DataSource, In } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export enum AuditMentionKind {
  PERSON = 'PERSON',
  STAKEHOLDER = 'STAKEHOLDER',
  INVITATION = 'INVITATION',
}
registerEnumType(AuditMentionKind, { name: 'AuditMentionKind' });

@ObjectType({ description: 'Someone an audit entry refers to by id, with their name as it is now.' })
export class AuditMention {
  @Field(() => ID)
  id: string;

  @Field(() => AuditMentionKind)
  kind: AuditMentionKind;

  @Field(() => String, {
    nullable: true,
    description: 'Their name now (a pseudonym once erased); an invitation’s address while it is kept.',
  })
  name: string | null;
}

/** Keys of a snapshot that hold the id of a person, a stakeholder or an invitation (`personId`, `addedById`, `stakeholderIds`…). */
const ID_KEY = /(person|stakeholder|invitation|actor|assignee|recipient|notified)Ids?$|ById$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Audit snapshots keep ids, not names or addresses (an invitation records its id, not the email), and
 * the names are resolved when the trail is read, so an erasure or a retention run reaches them.
 */
@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  constructor(private readonly dataSource: DataSource) {}

  @ResolveField(() => String, { nullable: true, description: 'Who made the change, by their name as it is now; null for the system.' })
  async actorName(entry: AuditEntry, _args: unknown, ctx: GraphqlContext): Promise<string | null> {
    return entry.actorId ? ((await this.loader(ctx, 'Person', Person).load(entry.actorId))?.fullName ?? null) : null;
  }

  @ResolveField(() => [AuditMention], { description: 'The people, stakeholders and invitations the before and after values refer to.' })
  async mentions(entry: AuditEntry, _args: unknown, ctx: GraphqlContext): Promise<AuditMention[]> {
    const ids = new Set<string>();
    const collect = (value: unknown, key = '') => {
      if (typeof value === 'string' && ID_KEY.test(key) && UUID.test(value)) ids.add(value);
      else if (Array.isArray(value)) value.forEach((v) => collect(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
    };
    collect(entry.before);
    collect(entry.after);
    const mentions: AuditMention[] = [];
    for (const id of ids) {
      const person = await this.loader(ctx, 'Person', Person).load(id);
      if (person) {
        mentions.push({ id, kind: AuditMentionKind.PERSON, name: person.fullName });
        continue;
      }
      const stakeholder = await this.loader(ctx, 'Stakeholder', Stakeholder).load(id);
      if (stakeholder) {
        mentions.push({ id, kind: AuditMentionKind.STAKEHOLDER, name: stakeholder.name });
        continue;
      }
      const invitation = await this.loader(ctx, 'AuthToken', AuthToken).load(id);
      if (invitation) mentions.push({ id, kind: AuditMentionKind.INVITATION, name: invitation.email });
    }
    return mentions;
  }

  private loader<T extends { id: string }>(ctx: GraphqlContext, name: string, entity: new () => T) {
    return ctx.loaders.get<string, T | null>(`${name}ById`, async (ids) =>
      oneInOrder(ids, await this.dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never), (r) => r.id),
    );
  }
}
