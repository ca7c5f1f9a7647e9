import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Benchmark } from './benchmark.entity';
import { UuidEntity } from '@peervisit/platform/entities';

@ObjectType({
  description: "Circumstances outside the city's control that shape what it can do (national legislation, labour market, ...).",
})
@Entity()
@Index(['benchmarkId', 'number'], { unique: true })
export class ContextFactor extends UuidEntity {
  @Field(() => ID)
  @Column('uuid')
  benchmarkId: string;

  @ManyToOne(() => Benchmark, { onDelete: 'CASCADE' })
  @JoinColumn()
  benchmark?: Benchmark;

  @Field(() => Int)
  @Column('int')
  number: number;

  @Field()
  @Column()
  code: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column('text')
  description: string;
}
