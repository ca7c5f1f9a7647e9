import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UuidEntity } from '@peervisit/platform/entities';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Person } from './person.entity';

/**
 * The audit of the secretariat's rights: each time a person was made an administrator or stopped
 * being one, who did it and when. Written in the transaction that changes the flag.
 */
@ObjectType({ description: 'A person made an administrator, or no longer one: who did it and when.' })
@Entity()
@Index(['personId', 'at'])
export class AdminRightsChange extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn()
  person?: Person;

  @Field({ description: 'True when the person was made an administrator, false when the rights were removed.' })
  @Column()
  granted: boolean;

  @Field(() => ID, { nullable: true, description: 'Who did it; null when it was done from the command line (npm run admin:create).' })
  @Column('uuid', { nullable: true })
  changedById: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
