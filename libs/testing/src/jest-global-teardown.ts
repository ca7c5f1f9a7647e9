import { withDatabaseName } from '../../platform/src/database/admin-database';
import { baseDatabaseUrl, dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.PV_TEMPLATE_DATABASE;
  if (template) await dropDatabase(withDatabaseName(baseDatabaseUrl(), template));
}
