import { readFileSync } from 'node:fs';
import { emittedSchema } from '../../scripts/emit-schema';

describe('the committed schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema:emit` after changing the API, and review the diff)', async () => {
    const committed = readFileSync('schema.graphql', 'utf8');
    expect(await emittedSchema()).toBe(committed);
  });
});
