// Builds the web app (apps/web → apps/web/dist) when it is missing or older than its sources.
// Used by `npm start` and by the browser tests, so both serve the app as the sources are now.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'apps/web';
const BUILT = join(WEB, 'dist', 'index.html');
// The web app's own files, and libs/charts, whose Vega-Lite specs it bundles (vite.config.ts's alias).
const SOURCES = [
  join(WEB, 'src'),
  join(WEB, 'public'),
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  join('libs', 'charts', 'src'),
  'package-lock.json',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function webAppStale() {
  if (!existsSync(BUILT)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > statSync(BUILT).mtimeMs;
}

/** Returns true when it built; throws when the build failed. */
export function buildWebAppIfStale(say = (msg) => process.stderr.write(`${msg}\n`)) {
  if (!webAppStale()) return false;
  say('Building the web app (apps/web → apps/web/dist) ...');
  const vite = join('node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('Building the web app failed (vite build): see the output above.');
  return true;
}
