#!/usr/bin/env node
// Times PEV2's plan service -- the code PEV2 runs to read a pasted plan before it draws anything
// (PlanService.fromSource, then createPlan, as PEV2's plan store does) -- on plan files, under Node.
//
//   node bench/pev2/plan-service-bench.mjs [--pev2 DIR] [--iterations N] [--min-warm-up-ms MS] FILE...
//
// DIR is a scratch folder holding node_modules/pev2 (default /tmp/pev2; see bench/pev2/README.md). PEV2's
// package exports only its Vue component, so this script copies the package's own bundle (dist/pev2.es.js)
// next to it with one line added that exports the plan service class, and imports that copy: the code
// measured is PEV2's shipped code, unchanged. Per file: N warm-up runs (and at least MS ms of them, as
// planwright bench --min-warm-up-ms), then N timed runs (default 10 each);
// prints the median and p90 wall-clock time and the mean process CPU time (user + system, all of Node's
// threads, so its garbage collector's helpers too), in ms.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let pev2Dir = '/tmp/pev2';
let iterations = 10;
let minWarmUpMs = 0;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--pev2') pev2Dir = args[++i];
  else if (args[i] === '--iterations') iterations = Number(args[++i]);
  else if (args[i] === '--min-warm-up-ms') minWarmUpMs = Number(args[++i]);
  else files.push(args[i]);
}
if (!files.length || !(iterations >= 1)) {
  console.error('usage: node plan-service-bench.mjs [--pev2 DIR] [--iterations N] [--min-warm-up-ms MS] FILE...');
  process.exit(2);
}

const require = createRequire(pathToFileURL(path.resolve(pev2Dir) + '/'));
let dist;
try {
  dist = path.dirname(require.resolve('pev2'));
} catch {
  console.error(`pev2 is not installed under ${pev2Dir}: npm install --prefix ${pev2Dir} pev2@1.21.0`);
  process.exit(2);
}
const version = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version;
const bundle = fs.readFileSync(path.join(dist, 'pev2.es.js'), 'utf8');
// the plan service is the (minified) class that declares createPlan(
const at = bundle.search(/\n {2}createPlan\(/);
const declared = at < 0 ? null : [...bundle.slice(0, at).matchAll(/\nclass (\w+) \{/g)].pop();
if (!declared) {
  console.error(`cannot find PEV2 ${version}'s plan service class in ${dist}/pev2.es.js`);
  process.exit(2);
}
const exposed = path.join(dist, 'pev2-plan-service.mjs');
fs.writeFileSync(exposed, `${bundle}\nexport { ${declared[1]} as PlanService };\n`);
const { PlanService } = await import(pathToFileURL(exposed).href);

function countNodes(node) {
  let n = 1;
  for (const child of node.Plans || []) n += countNodes(child);
  return n;
}

function readPlan(text) {
  const service = new PlanService();
  const content = service.fromSource(text);
  return service.createPlan('', content, content['Query Text'] || '');
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

console.log(`PEV2 ${version} plan service (fromSource + createPlan) under Node ${process.version}: `
  + `${iterations} timed runs after ${iterations} warm-up runs`
  + `${minWarmUpMs > 0 ? ` (and at least ${minWarmUpMs} ms)` : ''} per file; times in ms`);
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const nodes = countNodes(readPlan(text).content.Plan);
  const wall = [];
  const cpu = [];
  const warmUpEnd = performance.now() + minWarmUpMs;
  for (let i = 0; i < iterations || performance.now() < warmUpEnd; i++) {
    readPlan(text);
  }
  for (let i = iterations; i < 2 * iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    readPlan(text);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    if (i >= iterations) {
      wall.push(t1 - t0);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  const cpuMean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  console.log(`${path.basename(file)}: ${nodes} nodes, median ${ms(quantile(wall, 0.5))} ms, `
    + `p90 ${ms(quantile(wall, 0.9))} ms, process CPU mean ${ms(cpuMean)} ms`);
}
