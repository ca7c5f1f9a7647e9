// What loading the API costs before it does anything: the JavaScript source a process reads when it
// loads apps/api's module (every jest file that boots the app reads it again), by the package our
// code first required. `node -r @swc-node/register scripts/bench/module-weight.ts [top]`
import { statSync } from 'node:fs';

const top = Number(process.argv[2] ?? 15);
const before = new Set(Object.keys(require.cache));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the snapshot above
require('../../apps/api/src/create-api');

const packageOf = (file: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(file)?.[1];
const bytes = new Map<string, number>();
let total = 0;
for (const file of Object.keys(require.cache)) {
  if (before.has(file)) continue;
  // Attribute each file to the package our code required first (the top of its chain of requirers).
  let module = require.cache[file];
  let entry: NodeJS.Module | undefined;
  while (module?.filename.includes('node_modules')) {
    entry = module;
    module = module.parent ?? undefined;
  }
  if (!module) continue; // the TypeScript loader's own files, not the API's
  const size = statSync(file).size;
  total += size;
  const key = entry ? (packageOf(entry.filename) ?? 'other') : 'our code';
  bytes.set(key, (bytes.get(key) ?? 0) + size);
}
const mb = (n: number) => (n / 1e6).toFixed(2);
console.log(`${mb(total)} MB of JavaScript read to load the API`);
for (const [name, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${mb(size).padStart(7)} MB  ${name}`);
