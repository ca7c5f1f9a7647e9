import { Injectable, Logger } from '@nestjs/common';
import benchmarkDocument from './data/eurocities-promoting-cultural-diversity.benchmark.json';
import fieldsOfAction from './data/icc-fields-of-action.json';
import { BenchmarkService } from './benchmark/benchmark.service';
import { FieldOfActionService } from './field-of-action/field-of-action.service';

/** Loads the content the product ships (see data/SOURCES.md for credits). Safe to run on every start. */
@Injectable()
export class CatalogueSeed {
  private readonly logger = new Logger('CatalogueSeed');

  constructor(
    private readonly benchmarks: BenchmarkService,
    private readonly fields: FieldOfActionService,
  ) {}

  async run(): Promise<void> {
    const { benchmark, outcome } = await this.benchmarks.import(benchmarkDocument, { publish: true });
    this.logger.log(`Benchmark ${benchmark.code} v${benchmark.version}: ${outcome}`);
    await this.fields.upsert(fieldsOfAction.fieldsOfAction);
    this.logger.log(`Fields of action: ${fieldsOfAction.fieldsOfAction.length} loaded`);
  }
}
