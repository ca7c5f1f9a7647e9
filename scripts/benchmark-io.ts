/**
 * `npm run benchmark:import -- file.json [--publish]` and `npm run benchmark:export -- CODE [VERSION] [> file.json]`.
 * The same rules as the importBenchmark mutation: every problem listed, nothing written on error.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { BenchmarkService } from '@peervisit/catalogue';
import { AppError, dataSourceOptions, loadConfig } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../apps/api/src/entities';

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const dataSource = await new DataSource(dataSourceOptions(loadConfig().databaseUrl, ALL_ENTITIES, 2)).initialize();
  const benchmarks = new BenchmarkService(dataSource);
  try {
    if (command === 'import') {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) throw new Error('Usage: npm run benchmark:import -- file.json [--publish]');
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file} is not readable JSON: ${error instanceof Error ? error.message : error}`);
      }
      const { benchmark, outcome } = await benchmarks.import(document, { publish: args.includes('--publish') });
      console.log(`${benchmark.code} version ${benchmark.version} (${benchmark.status}): ${outcome}`);
    } else if (command === 'export') {
      const [code, version] = args;
      if (!code) throw new Error('Usage: npm run benchmark:export -- CODE [VERSION]');
      process.stdout.write(JSON.stringify(await benchmarks.export(code, version ? Number(version) : undefined), null, 2) + '\n');
    } else {
      throw new Error('Usage: benchmark-io.ts import <file.json> [--publish] | export <CODE> [VERSION]');
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  if (error instanceof AppError) {
    console.error(
      error.details.problems
        ? `Not imported. Fix these:\n${error.details.problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`
        : error.message,
    );
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
