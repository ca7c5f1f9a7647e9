import { createTemplateDatabase } from './test-database';

/** Runs once per `npm test`: migrates the template database that each test file copies. */
export default async function globalSetup(): Promise<void> {
  process.env.PV_TEMPLATE_DATABASE = await createTemplateDatabase();
}
