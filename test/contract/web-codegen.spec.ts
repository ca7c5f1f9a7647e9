import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import config from '../../apps/web/codegen';

const OUT = 'apps/web/src/graphql/generated';

// GraphQL Code Generator is ESM-only inside: run it in a plain node process, in memory (nothing written).
const GENERATE = `const { generate } = await import('@graphql-codegen/cli');
const outputs = await generate({ ...JSON.parse(process.env.CODEGEN_CONFIG), silent: true }, false);
process.stdout.write(JSON.stringify(outputs.map((o) => ({ filename: o.filename, content: o.content }))));`;

describe("the web app's generated GraphQL types", () => {
  it("are what codegen makes from schema.graphql and the app's operations now (run `npm run web:codegen` and commit the result)", () => {
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', GENERATE], {
      env: { ...process.env, CODEGEN_CONFIG: JSON.stringify(config) },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const generated = new Map(
      (JSON.parse(stdout) as { filename: string; content: string }[]).map((o) => [relative(OUT, o.filename), o.content]),
    );
    const committed = new Map(readdirSync(OUT).map((name) => [name, readFileSync(join(OUT, name), 'utf8')]));
    expect([...generated.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [file, content] of generated) expect({ file, content: committed.get(file) }).toEqual({ file, content });
  }, 60_000);
});
