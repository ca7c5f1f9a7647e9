import { Injectable } from '@nestjs/common';
import { assertNoProblems, PageArgs, Problem } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { check, CityInput } from '../directory.inputs';
import { DirectoryRows } from '../directory-rows';
import { City } from './city.entity';

/** Cities: the rules for creating and changing them. */
@Injectable()
export class CityService {
  private readonly rows: DirectoryRows<City>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = new DirectoryRows(dataSource, City, 'City');
  }

  search(page: PageArgs & { search?: string }) {
    return this.rows.search('name', page);
  }

  get(id: string): Promise<City> {
    return this.rows.get(id);
  }

  byIds(ids: readonly string[]): Promise<City[]> {
    return this.rows.byIds(ids);
  }

  async save(input: CityInput, id?: string): Promise<City> {
    const problems: Problem[] = [];
    check.text(problems, 'name', input.name);
    check.country(problems, 'country', input.country);
    check.timeZone(problems, 'timeZone', input.timeZone);
    check.nonNegative(problems, 'population', input.population);
    if (input.iccMemberSince != null && (input.iccMemberSince < 2008 || input.iccMemberSince > new Date().getFullYear())) {
      problems.push({
        path: 'iccMemberSince',
        message: `expected a year between 2008 (when the network started) and ${new Date().getFullYear()}`,
      });
    }
    if (
      input.foreignBornShare != null &&
      !(Number.isFinite(input.foreignBornShare) && input.foreignBornShare >= 0 && input.foreignBornShare <= 100)
    )
      problems.push({ path: 'foreignBornShare', message: 'a share of residents is a percentage from 0 to 100' });
    assertNoProblems(problems, 'The city was not saved');
    const city = await this.rows.getOrCreate(id);
    Object.assign(city, {
      ...input,
      population: input.population ?? null,
      // Left out of the input (an older form): kept as it was.
      foreignBornShare: input.foreignBornShare === undefined ? (city.foreignBornShare ?? null) : input.foreignBornShare,
      iccMemberSince: input.iccMemberSince ?? null,
    });
    return this.dataSource.getRepository(City).save(city);
  }
}
