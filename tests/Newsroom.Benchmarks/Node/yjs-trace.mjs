// Replays a josephg/editing-traces trace through Yjs, the way crdt-benchmarks B4 does: one Y.Text,
// each patch its own transaction (delete, then insert). Prints one JSON object on stdout for
// Newsroom.Benchmarks to parse; everything human-readable goes to stderr.
//
// usage: node --expose-gc yjs-trace.mjs <repoRoot> <trace.json.gz> <measuredRuns> <warmupRuns>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const [root, tracePath, runsArg = '5', warmupArg = '2'] = process.argv.slice(2);
if (!root || !tracePath) {
  console.error('usage: node --expose-gc yjs-trace.mjs <repoRoot> <trace.json.gz> [measuredRuns] [warmupRuns]');
  process.exit(2);
}

// Resolve yjs from the repository's node_modules, wherever this script is run from, and load its ES
// module build (the one a bundler or browser would use).
const requireFromRoot = createRequire(join(root, 'package.json'));
const yjsPackagePath = requireFromRoot.resolve('yjs/package.json');
const yjsPackage = JSON.parse(readFileSync(yjsPackagePath, 'utf8'));
const Y = await import(pathToFileURL(join(dirname(yjsPackagePath), yjsPackage.exports['.'].import)).href);

const trace = JSON.parse(gunzipSync(readFileSync(tracePath)).toString('utf8'));
const patches = trace.txns.flatMap((txn) => txn.patches);

function collect() {
  if (globalThis.gc) {
    globalThis.gc();
  }
}

function replay() {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  if (trace.startContent.length > 0) {
    text.insert(0, trace.startContent);
  }
  for (const [pos, del, ins] of patches) {
    doc.transact(() => {
      if (del > 0) {
        text.delete(pos, del);
      }
      if (ins.length > 0) {
        text.insert(pos, ins);
      }
    });
  }
  return { doc, text };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const runs = [];
const heapGrowth = [];
let finalText = '';
let heapUsedWithDoc = 0;
const warmups = Number(warmupArg);
const measured = Number(runsArg);
for (let i = 0; i < warmups + measured; i++) {
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const { doc, text } = replay();
  const ms = performance.now() - start;
  // Measured while the document is still alive: this is what one replica of the draft costs.
  const heapAfter = process.memoryUsage().heapUsed;
  finalText = text.toString();
  if (i >= warmups) {
    runs.push(ms);
    heapGrowth.push(heapAfter - heapBefore);
    heapUsedWithDoc = heapAfter;
  }
  console.error(`yjs ${i < warmups ? `warm-up ${i + 1}` : `run ${i - warmups + 1}`}: ${ms.toFixed(1)} ms`);
  doc.destroy();
}

const matches = finalText === trace.endContent;
console.log(JSON.stringify({
  yjsVersion: yjsPackage.version,
  nodeVersion: process.version,
  edits: patches.length,
  warmupRuns: warmups,
  runsMs: runs,
  medianMs: median(runs),
  medianHeapGrowthBytes: median(heapGrowth),
  heapUsedBytes: heapUsedWithDoc,
  finalLength: finalText.length,
  matchesEndContent: matches,
}));
process.exit(matches ? 0 : 1);
