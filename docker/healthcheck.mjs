// Container health check: `node docker/healthcheck.mjs <port> <path> [<path> ...]` exits 0 when every
// path answers 2xx on 127.0.0.1:<port>, else 1, saying which did not (docker inspect shows it).
// Node's fetch, because the slim image has no curl.
const [port, ...paths] = process.argv.slice(2);
let healthy = true;
for (const path of paths) {
  const answer = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) }).then(
    (r) => (r.ok ? undefined : `${r.status}`),
    (e) => e.message,
  );
  if (answer) {
    healthy = false;
    console.log(`${path} on port ${port}: ${answer}`);
  }
}
process.exit(healthy ? 0 : 1);
