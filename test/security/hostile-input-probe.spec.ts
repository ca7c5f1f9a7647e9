import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import { createTestApp, TestApp } from '@peervisit/testing';
import { OperationCosts } from '../../libs/platform/src/graphql/complexity.plugin';
import { AppModule } from '../../apps/api/src/app.module';
import { buildAccessFixture } from './access-fixture';
import { OperationWalker } from './operation-walker';

describe('probe', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof buildAccessFixture>>;
  beforeAll(async () => {
    t = await createTestApp({ module: AppModule.register({ workers: false }) });
    const { CatalogueSeed } = await import('@peervisit/catalogue');
    await t.app.get(CatalogueSeed).run();
    f = await buildAccessFixture(t);
  });
  afterAll(() => t?.close());
  it('probes', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const costs = new OperationCosts(() => schema);
    const ops = new OperationWalker(schema, new Proxy(f.ids as Record<string, string>, { get: (o, k: string) => o[k] ?? "00000000-0000-4000-8000-000000000000" })).operations().filter((o) => o.kind === 'query');
    const rows: string[] = [];
    for (const op of ops) {
      const cost = costs.cost(parse(op.document), undefined, op.variables);
      let best = 0;
      for (const who of [f.leaderA, f.asAdmin]) {
        const r = await who.request(op.document, op.variables);
        best = Math.max(best, JSON.stringify(r).length);
      }
      rows.push(`${op.field}\tcost=${cost}\tbytes=${best}\tratio=${Math.round(best / cost)}`);
    }
    console.log(rows.join('\n'));
  });
});
