import { Injectable } from '@nestjs/common';
import { assertNoProblems, PageArgs, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { City } from '../city/city.entity';
import { check, StakeholderInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { Organisation } from '../organisation/organisation.entity';
import { ConsentKind, ConsentMethod } from './stakeholder-consent.entity';
import { recordConsent } from './stakeholder-consent';
import { Stakeholder } from './stakeholder.entity';

/** Stakeholders the review teams meet: the rules for creating and changing them. */
@Injectable()
export class StakeholderService {
  private readonly rows: DirectoryRows<Stakeholder>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new DirectoryRows(dataSource, Stakeholder, 'Stakeholder');
  }

  search(page: PageArgs & { search?: string }) {
    // Searched by name, sorted by creation (searching createdAt with ILIKE was a 500).
    return this.rows.search('name', page, 'createdAt');
  }

  /**
   * `recordedById`: who saves it. The form's yes/no to being named becomes a consent record (how it
   * was obtained not recorded) when it changes the current state; consent recorded with its method
   * goes through recordConsent (the review's StakeholderConsentService).
   */
  async save(input: StakeholderInput, id?: string, recordedById: string | null = null): Promise<Stakeholder> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.text(problems, 'position', input.position);
    if (!input.name?.trim() && !input.position?.trim())
      problems.push({ path: 'position', message: 'give a name or a position, so the team knows whom they met' });
    if (!(await this.dataSource.getRepository(City).existsBy({ id: input.cityId })))
      problems.push({ path: 'cityId', message: 'no city has this id' });
    if (input.organisationId && !(await this.dataSource.getRepository(Organisation).existsBy({ id: input.organisationId }))) {
      problems.push({ path: 'organisationId', message: 'no organisation has this id' });
    }
    assertNoProblems(problems, 'The stakeholder was not saved');
    const stakeholder = await this.rows.getOrCreate(id);
    const { consentToBeNamed, ...fields } = input;
    const wasNamed = stakeholder.consentToBeNamed ?? false;
    Object.assign(stakeholder, {
      ...fields,
      name: input.name?.trim() || null,
      position: input.position?.trim() || null,
      organisationId: input.organisationId ?? null,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(stakeholder);
      if ((consentToBeNamed ?? false) === wasNamed) return saved;
      await recordConsent(manager, saved.id, recordedById, {
        kind: ConsentKind.NAMED,
        given: consentToBeNamed ?? false,
        method: ConsentMethod.NOT_RECORDED,
      });
      return manager.findOneByOrFail(Stakeholder, { id: saved.id });
    });
  }
}
