import { IndexAssessmentService, IndexChanges, IndexDefinitionService } from '@peervisit/icc-index';
import { createCity, createPerson } from '@peervisit/testing';
import { CATALOGUE_ENTITIES } from '@peervisit/catalogue/entities';
import { DIRECTORY_ENTITIES } from '@peervisit/directory/entities';
import { ICC_INDEX_ENTITIES } from '@peervisit/icc-index/entities';
import { DomainEventBus } from '@peervisit/platform';
import { PLATFORM_ENTITIES } from '@peervisit/platform/entities';
import { REVIEW_ENTITIES } from '@peervisit/review/entities';
import { MetadataScanner } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { REPORT_INDEX } from '../../../e2e/icc-index-report.fixture';

type Person = { id: string; email: string };

/** What icc-index-report.browser.ts is given. */
export interface IccIndexReportScenario {
  admin: Person;
  expert: Person;
  coordinator: Person;
  rijekaReader: Person;
  /** Rijeka's second published Index (its first is in its history); 6 cities have published on the same version. */
  rijeka: { id: string };
  /** A city with no Index yet, for the secretariat's start form. */
  zadar: { id: string };
}

/**
 * Six cities of Croatia with a published Index on one definition version (Rijeka twice), so that
 * Rijeka's results page shows the network chart and its history; and Zadar, with none, for the
 * secretariat to start one.
 */
export async function prepare(prepared: DataSource): Promise<IccIndexReportScenario> {
  const dataSource = await new DataSource({
    ...prepared.options,
    entities: [...PLATFORM_ENTITIES, ...CATALOGUE_ENTITIES, ...DIRECTORY_ENTITIES, ...REVIEW_ENTITIES, ...ICC_INDEX_ENTITIES],
  } as typeof prepared.options).initialize();
  try {
    const definitions = new IndexDefinitionService(dataSource);
    const bus = new DomainEventBus(dataSource, { getProviders: () => [] } as never, new MetadataScanner());
    const assessments = new IndexAssessmentService(dataSource, definitions, new IndexChanges(bus));
    await definitions.import(REPORT_INDEX, { publish: true });
    const admin = await createPerson(dataSource, { fullName: 'Rada Report-Secretariat', isAdmin: true });
    const expert = await createPerson(dataSource, { fullName: 'Xaver Index-Expertise' });
    const coordinator = await createPerson(dataSource, { fullName: 'Zora Zadar-Coordinator' });
    const rijekaReader = await createPerson(dataSource, { fullName: 'Rina Rijeka Official' });
    const asAdmin = { personId: admin.id, email: admin.email, isAdmin: true };

    const city = async (name: string) => {
      const made = await createCity(dataSource, { name, country: 'HR', timeZone: 'Europe/Zagreb' });
      const [org] = await dataSource.query(
        "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
        [`City of ${name}`, made.id],
      );
      return { id: made.id, orgId: org.id as string };
    };
    const published = async (cityId: string, actions: number, spaces: boolean, recommendation?: string) => {
      const a = await assessments.start(asAdmin, {
        cityId,
        definitionCode: REPORT_INDEX.code,
        dueDate: '2027-01-31',
        expertIds: [expert.id],
      });
      await assessments.saveAnswer(asAdmin, a.id, 'M1', { number: actions });
      await assessments.saveAnswer(asAdmin, a.id, 'L1', { option: 'YES' });
      await assessments.saveAnswer(asAdmin, a.id, 'S1', { option: spaces ? 'YES' : 'NO' });
      await assessments.submit(asAdmin, a.id);
      if (recommendation) await assessments.recommend(asAdmin, a.id, 'MEDIA', recommendation);
      await assessments.publish(a.id);
      return a.id;
    };
    const rijeka = await city('Rijeka');
    await dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [rijeka.orgId, rijekaReader.id]);
    await published(rijeka.id, 1, false);
    const others = ['Split', 'Osijek', 'Pula', 'Varaždin', 'Dubrovnik'];
    for (const [i, name] of others.entries()) await published((await city(name)).id, i % 5, i % 2 === 0);
    // Its one recommendation goes to Rijeka's own development plan (no review): icc-index-plan.browser.ts.
    const latest = await published(rijeka.id, 3, true, 'Train newsroom staff in intercultural reporting.');
    const zadar = await city('Zadar');
    await dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [zadar.orgId, coordinator.id]);
    return { admin, expert, coordinator, rijekaReader, rijeka: { id: latest }, zadar: { id: zadar.id } };
  } finally {
    await dataSource.destroy();
  }
}
