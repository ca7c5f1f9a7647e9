// Whether node_modules holds exactly what package-lock.json locks, read from npm's own record of what
// it installed (node_modules/.package-lock.json, written by npm ci and npm install). Compares contents,
// not dates: a fresh clone has a newer lockfile than any node_modules, yet may match it exactly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Returns undefined when node_modules matches the lockfile, or what differs. Optional packages may be
 * missing (npm skips those for other platforms); with `omitDev`, dev-only ones too (npm ci --omit=dev).
 */
export function dependencyDrift(root = '.', { omitDev = false } = {}) {
  const record = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(record)) return 'node_modules is missing (or was not installed by npm 7 or later)';
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(record, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(locked)) {
    if (!path.startsWith('node_modules/')) continue;
    const got = installed[path];
    if (!got) {
      if (entry.optional || (omitDev && entry.dev)) continue;
      return `${path.slice('node_modules/'.length)} is not installed`;
    }
    if (got.version !== entry.version) return `${path.slice('node_modules/'.length)} is ${got.version}; the lockfile says ${entry.version}`;
    if (!got.link && !existsSync(join(root, path, 'package.json')))
      return `${path.slice('node_modules/'.length)} was removed from node_modules`;
  }
  const extra = Object.keys(installed).find((path) => path.startsWith('node_modules/') && !locked[path]);
  return extra ? `${extra.slice('node_modules/'.length)} is installed but not in the lockfile` : undefined;
}
