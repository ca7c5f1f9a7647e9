// Self time of a V8 CPU profile by package and by function, for the profiling tools (evidence-profile.ts, review-read-profile.ts).
import { round } from './bench';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

/** Self time per function and per package (node_modules/<name>, our code, node internals). */
export function summarise(profile: { nodes: ProfileNode[]; samples: number[] }, top: number): string {
  const total = profile.samples.length;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    if (!node.hitCount) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
      (file.includes('/libs/') || file.includes('/apps/') ? 'peervisit' : file ? 'node' : functionName || '(vm)');
    const key = `${functionName || '(anonymous)'} ${file.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + node.hitCount);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => `  ${String(round((hits / total) * 100, 1)).padStart(5)} %  ${name}`)
      .join('\n');
  return `self time by package:\n${rows(byPackage)}\nself time by function:\n${rows(byFunction)}`;
}

/** The profile's samples taken between two instants (µs of the clock V8 stamps samples with), hit counts recounted. */
export function withinWindow(
  profile: { nodes: ProfileNode[]; samples: number[]; startTime: number; timeDeltas: number[] },
  fromUs: number,
  toUs: number,
): { nodes: ProfileNode[]; samples: number[] } {
  const hits = new Map<number, number>();
  const samples: number[] = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) return;
    samples.push(id);
    hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  return { nodes: profile.nodes.map((node) => ({ ...node, hitCount: hits.get(node.id) ?? 0 })), samples };
}
