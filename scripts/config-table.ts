/** Prints the README's configuration table from the one list of variables (config.schema.ts). */
import { CONFIG_VARIABLES } from '@peervisit/platform';

export function configTable(): string {
  const rows = Object.entries(CONFIG_VARIABLES).map(([name, spec]) => {
    const fallback =
      spec.default === undefined ? '—' : `\`${spec.default.length > 40 ? `${spec.default.slice(0, 37)}...` : spec.default}\``;
    return `| \`${name}\` | ${fallback} | ${spec.doc} |`;
  });
  return ['| variable | default | what it sets |', '| --- | --- | --- |', ...rows].join('\n');
}

if (require.main === module) console.log(configTable());
