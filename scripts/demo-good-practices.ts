/**
 * The demo good-practice catalogue: the Bergen practice of the ICC (libs/catalogue/src/data/
 * icc-good-practice-bergen.json, credited in SOURCES.md), imported, submitted and published through
 * the same service the API uses, by the demo network secretariat. Skipped when it is already there.
 */
import { INestApplicationContext } from '@nestjs/common';
import { GoodPracticeService } from '@peervisit/catalogue';
import { GoodPractice } from '@peervisit/catalogue/entities';
import bergen from '../libs/catalogue/src/data/icc-good-practice-bergen.json';
import { DataSource } from 'typeorm';
import { demoCaller } from './demo-data';

export async function loadDemoGoodPractices(app: INestApplicationContext): Promise<'created' | 'exists'> {
  const dataSource = app.get(DataSource);
  if (await dataSource.getRepository(GoodPractice).existsBy({ title: bergen.action.title, city: bergen.contact.city })) return 'exists';
  const secretariat = await demoCaller(dataSource, 'secretariat@example.org');
  const practices = app.get(GoodPracticeService);
  const draft = await practices.import(secretariat, bergen);
  await practices.submit(secretariat, draft.id);
  await practices.publish(secretariat, draft.id);
  return 'created';
}
