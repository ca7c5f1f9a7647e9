import type { Request } from 'express';
import { CurrentUser } from '../auth/current-user';
import { LoaderRegistry } from './loader-registry';

export interface GraphqlContext {
  req: Request & { user?: CurrentUser };
  loaders: LoaderRegistry;
}
