'use strict';
// The entry of every bounded worker thread (bounded-worker.ts). Plain JavaScript, so that it loads
// the same way under the API (node -r @swc-node/register, which the thread inherits) and under jest
// (whose own transform does not reach worker threads): it registers the TypeScript loader when the
// thread has none, then runs the task and posts back its result or its error message.
const { resolve } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');

if (!require.extensions['.ts']) {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || resolve(__dirname, '../../../../tsconfig.json');
  require('@swc-node/register');
}

(async () => {
  const task = require(workerData.module)[workerData.exportName];
  if (typeof task !== 'function') throw new Error(`${workerData.module} exports no function ${workerData.exportName}`);
  return task(workerData.input);
})().then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
