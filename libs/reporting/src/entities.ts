// `@peervisit/reporting/entities`: the report entity, without loading a Nest module
// (test/contract/entity-imports.spec.ts).
import { IndexReport } from './index-report/index-report.entity';
import { Report } from './report/report.entity';

export * from './report/report.entity';
export * from './index-report/index-report.entity';

export const REPORTING_ENTITIES = [Report, IndexReport];
