// `npm test`: lint, type-check (which also compiles the tests), build, then the unit,
// integration and end-to-end tiers. Streams each step, totals mocha's summaries, and ends with
// one line of its own, `N passed, N failed`, which CI reads. Plain JS: it runs before compiling.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const steps = [
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'type-check', command: bin('tsc'), args: ['-p', '.'], gate: true },
  { name: 'build', command: process.execPath, args: ['esbuild.mjs'], gate: true },
  { name: 'unit', command: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json'], tier: true },
  { name: 'integration', command: process.execPath, args: ['out/test/harness/runIntegration.js'], tier: true },
  { name: 'e2e', command: process.execPath, args: ['out/test/harness/runE2e.js'], tier: true },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const child = spawn(step.command, step.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream, target) => stream.on('data', (chunk) => {
      output += chunk;
      target.write(chunk);
    });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
    child.on('error', (error) => resolve({ code: 1, output: String(error), seconds: (Date.now() - started) / 1000 }));
  });
}

/** The last mocha summary in a tier's output: `N passing`, `N failing`, `N pending`. */
function summary(output) {
  const count = (word) => {
    const all = [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))];
    return all.length > 0 ? Number(all[all.length - 1][1]) : undefined;
  };
  return { passing: count('passing'), failing: count('failing'), pending: count('pending') };
}

const rows = [];
let passed = 0;
let failed = 0;
let blocked = false;
for (const step of steps) {
  if (blocked && (step.tier || step.gate)) {
    rows.push({ step: step.name, result: 'not run (an earlier step failed)' });
    failed += 1;
    continue;
  }
  process.stdout.write(`\n===== ${step.name} =====\n`);
  const { code, output, seconds } = await run(step);
  if (step.tier) {
    const { passing, failing, pending } = summary(output);
    const crashed = passing === undefined && failing === undefined;
    passed += passing ?? 0;
    failed += (failing ?? 0) + (crashed || (code !== 0 && !failing) ? 1 : 0) + (pending ?? 0);
    rows.push({ step: step.name, result: crashed ? `crashed (exit ${code})` : `${passing ?? 0} passed, ${failing ?? 0} failed${pending ? `, ${pending} pending (counted as failed)` : ''}${code !== 0 && !failing ? `, exit ${code}` : ''}`, seconds });
  } else {
    if (code !== 0) {
      failed += 1;
      blocked ||= Boolean(step.gate);
    }
    rows.push({ step: step.name, result: code === 0 ? 'ok' : `failed (exit ${code})`, seconds });
  }
}

process.stdout.write('\n===== summary =====\n');
for (const row of rows) {
  process.stdout.write(`${row.step.padEnd(12)} ${row.result}${row.seconds === undefined ? '' : ` (${row.seconds.toFixed(1)} s)`}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
