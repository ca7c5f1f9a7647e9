import { Injectable } from '@nestjs/common';
import { assertNoProblems, PageArgs, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { City } from '../city/city.entity';
import { check, StakeholderInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { Organisation } from '../organisation/organisation.entity';
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

  async save(input: StakeholderInput, id?: string): Promise<Stakeholder> {
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
    Object.assign(stakeholder, {
      ...input,
      name: input.name?.trim() || null,
      position: input.position?.trim() || null,
      organisationId: input.organisationId ?? null,
      consentToBeNamed: input.consentToBeNamed ?? false,
    });
    return this.dataSource.getRepository(Stakeholder).save(stakeholder);
  }
}
