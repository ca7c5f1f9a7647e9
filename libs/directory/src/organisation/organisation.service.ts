import { Injectable } from '@nestjs/common';
import { assertNoProblems, PageArgs, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { City } from '../city/city.entity';
import { check, OrganisationInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { Organisation } from './organisation.entity';

/** Organisations: the rules for creating and changing them. */
@Injectable()
export class OrganisationService {
  private readonly rows: DirectoryRows<Organisation>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new DirectoryRows(dataSource, Organisation, 'Organisation');
  }

  search(page: PageArgs & { search?: string }) {
    return this.rows.search('name', page);
  }

  byIds(ids: readonly string[]): Promise<Organisation[]> {
    return this.rows.byIds(ids);
  }

  async save(input: OrganisationInput, id?: string): Promise<Organisation> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.country(problems, 'country', input.country);
    if (input.cityId && !(await this.dataSource.getRepository(City).existsBy({ id: input.cityId }))) {
      problems.push({ path: 'cityId', message: 'no city has this id' });
    }
    assertNoProblems(problems, 'The organisation was not saved');
    const organisation = await this.rows.getOrCreate(id);
    Object.assign(organisation, { ...input, cityId: input.cityId ?? null, country: input.country ?? null });
    return this.dataSource.getRepository(Organisation).save(organisation);
  }
}
