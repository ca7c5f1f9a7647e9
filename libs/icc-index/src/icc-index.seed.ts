import { Injectable, Logger } from '@nestjs/common';
import illustrativeIndex from './data/icc-index.illustrative.json';
import { IndexDefinitionService } from './definition/index-definition.service';

/**
 * Loads the shipped Index definition (data/SOURCES.md): the 14 indicators and the composite, with
 * PeerVisit's own illustrative questions. Safe to run on every start; the official questionnaire
 * replaces it by an import of a new version.
 */
@Injectable()
export class IccIndexSeed {
  private readonly logger = new Logger('IccIndexSeed');

  constructor(private readonly definitions: IndexDefinitionService) {}

  async run(): Promise<void> {
    const { definition, outcome } = await this.definitions.import(illustrativeIndex, { publish: true });
    this.logger.log(`Index ${definition.code} v${definition.version}: ${outcome}`);
  }
}
