import { IccIndexSeed, IndexAssessmentService, IndexChanges, IndexDefinitionService, questionsOf } from '@peervisit/icc-index';
import { createCity, createPerson } from '@peervisit/testing';
import { CATALOGUE_ENTITIES } from '@peervisit/catalogue/entities';
import { DIRECTORY_ENTITIES } from '@peervisit/directory/entities';
import { ICC_INDEX_ENTITIES } from '@peervisit/icc-index/entities';
import { DomainEventBus } from '@peervisit/platform';
import { PLATFORM_ENTITIES } from '@peervisit/platform/entities';
import { REVIEW_ENTITIES } from '@peervisit/review/entities';
import { MetadataScanner } from '@nestjs/core';
import { DataSource } from 'typeorm';

type Person = { id: string; email: string };

/** What icc-index.browser.ts is given. */
export interface IccIndexScenario {
  admin: Person;
  coordinator: Person;
  contributor: Person;
  expert: Person;
  cityReader: Person;
  /** Ljubljana: being answered; everything but the Education questions answered already. */
  answering: { id: string; city: string };
  /** Sarajevo: submitted, in analysis, with the expert. */
  analysing: { id: string; city: string };
}

/**
 * Two Index assessments on the shipped (illustrative) Index: Ljubljana's, being answered, where the
 * education department (the contributor) still has its two questions to answer; and Sarajevo's,
 * complete and submitted, for the expert to analyse and the secretariat to publish, read then by a
 * member of Sarajevo's city administration.
 */
export function prepare(prepared: DataSource): Promise<IccIndexScenario> {
  return withIndexEntities(prepared, prepareWith);
}

/** The preparing app loads the catalogue only: the Index's services get a connection that knows their entities. */
export async function withIndexEntities<T>(prepared: DataSource, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource({
    ...prepared.options,
    entities: [...PLATFORM_ENTITIES, ...CATALOGUE_ENTITIES, ...DIRECTORY_ENTITIES, ...REVIEW_ENTITIES, ...ICC_INDEX_ENTITIES],
  } as typeof prepared.options).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function prepareWith(dataSource: DataSource): Promise<IccIndexScenario> {
  const definitions = new IndexDefinitionService(dataSource);
  // A real event bus without handlers: the scenario prepares data; the reminders are the API's.
  const bus = new DomainEventBus(dataSource, { getProviders: () => [] } as never, new MetadataScanner());
  const assessments = new IndexAssessmentService(dataSource, definitions, new IndexChanges(bus));
  await new IccIndexSeed(definitions).run();
  const person = (fullName: string, isAdmin = false) => createPerson(dataSource, { fullName, isAdmin });
  const admin = await person('Ines Index-Secretariat', true);
  const coordinator = await person('Lea Ljubljana Coordinator');
  const contributor = await person('Edo Education Department');
  const expert = await person('Exa Index Expert');
  const cityReader = await person('Sara Sarajevo Official');
  const asAdmin = { personId: admin.id, email: admin.email, isAdmin: true };

  const cityWithAdministration = async (name: string, country: string, timeZone: string) => {
    const city = await createCity(dataSource, { name, country, timeZone });
    const [org] = await dataSource.query(
      "INSERT INTO organisation (name, kind, city_id) VALUES ($1, 'CITY_ADMINISTRATION', $2) RETURNING id",
      [`City of ${name}`, city.id],
    );
    return { city, orgId: org.id as string };
  };
  const ljubljana = await cityWithAdministration('Ljubljana', 'SI', 'Europe/Ljubljana');
  const sarajevo = await cityWithAdministration('Sarajevo', 'BA', 'Europe/Sarajevo');
  await dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = ANY($2)', [ljubljana.orgId, [coordinator.id, contributor.id]]);
  await dataSource.query('UPDATE person SET organisation_id = $1 WHERE id = $2', [sarajevo.orgId, cityReader.id]);

  const questions = [...questionsOf(await definitions.export('ICC-INDEX')).values()];
  /** A plausible answer to every question (the Education ones too unless skipped). */
  const answerAll = async (assessmentId: string, skip: (indicatorCode: string) => boolean) => {
    for (const q of questions) {
      if (skip(q.indicatorCode)) continue;
      const input =
        q.type === 'YES_NO' || q.type === 'SINGLE_CHOICE'
          ? { option: q.options![0].code }
          : q.type === 'MULTIPLE_CHOICE'
            ? { options: q.options!.slice(0, 2).map((o) => o.code) }
            : q.type === 'TEXT'
              ? { text: 'Residents take part through district councils.' }
              : { number: q.type === 'PERCENTAGE' ? 24 : 12 };
      await assessments.saveAnswer(asAdmin, assessmentId, q.code, {
        ...input,
        reference: q.requiresReference ? 'City council decision 2026/31' : undefined,
      });
    }
  };

  const answering = await assessments.start(asAdmin, {
    cityId: ljubljana.city.id,
    dueDate: '2027-04-30',
    coordinatorId: coordinator.id,
    expertIds: [expert.id],
  });
  await assessments.assign(asAdmin, answering.id, {
    indicatorCodes: ['EDUCATION'],
    department: 'Education department',
    assigneeId: contributor.id,
  });
  await answerAll(answering.id, (code) => code === 'EDUCATION');

  const analysing = await assessments.start(asAdmin, { cityId: sarajevo.city.id, dueDate: '2027-01-31', expertIds: [expert.id] });
  await answerAll(analysing.id, () => false);
  await assessments.submit(asAdmin, analysing.id);

  return {
    admin,
    coordinator,
    contributor,
    expert,
    cityReader,
    answering: { id: answering.id, city: 'Ljubljana' },
    analysing: { id: analysing.id, city: 'Sarajevo' },
  };
}
