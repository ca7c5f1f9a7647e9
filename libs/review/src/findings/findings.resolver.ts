import { Resolver } from '@nestjs/graphql';
import { Conclusion } from './conclusion.entity';

@Resolver(() => Conclusion)
export class FindingsResolver {}
