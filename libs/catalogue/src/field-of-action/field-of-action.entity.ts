import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { UuidEntity } from '@peervisit/platform/entities';

@ObjectType({ description: 'One of the 16 ICC fields of action, or one of their sub-fields (3a, 7b, ...).' })
@Entity()
export class FieldOfAction extends UuidEntity {
  @Field({ description: 'ICC code: "3" for a field, "3a" for a sub-field.' })
  @Column({ unique: true })
  code: string;

  @Field()
  @Column()
  title: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  description: string | null;

  @Field(() => Int, { description: 'Sort order.' })
  @Column('int')
  position: number;

  @Field(() => ID, { nullable: true })
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => FieldOfAction, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn()
  parent?: FieldOfAction | null;
}
