import { readFileSync } from 'node:fs';
import { configTable } from '../../scripts/config-table';

describe('README', () => {
  it('documents every configuration variable as config.schema.ts defines it (regenerate with `node -r @swc-node/register scripts/config-table.ts`)', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(configTable());
  });
});
