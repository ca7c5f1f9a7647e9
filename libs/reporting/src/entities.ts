// `@peervisit/reporting/entities`: the report entity, without loading a Nest module
// (test/contract/entity-imports.spec.ts).
import { Report } from './report/report.entity';

export * from './report/report.entity';

export const REPORTING_ENTITIES = [Report];
