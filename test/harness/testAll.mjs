// `npm test`: lint, type-check (which also compiles src/ and test/ into out/), build, then the unit,
// integration and end-to-end tiers. Streams each step as it runs, reads mocha's summaries, prints
// a table, and ends with one line of its own, `N passed, N failed`, which CI reads.
// Plain JS: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** `needs`: steps that must have succeeded for this one to mean anything. */
const steps = [
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'type-check', command: bin('tsc'), args: ['-p', '.'] },
  { name: 'build', command: process.execPath, args: ['esbuild.mjs'] },
  { name: 'unit', command: bin('mocha'), args: ['--config', 'test/unit/.mocharc.json', '--no-color'], tier: true, needs: ['type-check'], skipUnless: () => hasTests('out/test/unit') },
  { name: 'integration', command: process.execPath, args: ['out/test/harness/runIntegration.js'], tier: true, needs: ['type-check', 'build'] },
  { name: 'e2e', command: process.execPath, args: ['out/test/harness/runE2e.js'], tier: true, needs: ['type-check'] },
];

/** Whether a folder of out/ holds any `*.test.js` (mocha fails on an empty spec glob). */
function hasTests(dir) {
  const full = path.join(root, dir);
  return fs.existsSync(full) && fs.readdirSync(full, { recursive: true }).some((name) => String(name).endsWith('.test.js'));
}

/**
 * Removes compiled tests whose TypeScript source is gone: tsc never deletes from out/, and
 * mocha would still run them.
 */
function pruneStaleTests(dir = path.join(root, 'out', 'test')) {
  if (!fs.existsSync(dir)) {
    return;
  }
  for (const name of fs.readdirSync(dir, { recursive: true }).map(String).filter((file) => file.endsWith('.test.js'))) {
    const source = path.join(root, 'test', name.replace(/\.js$/, '.ts'));
    if (!fs.existsSync(source)) {
      for (const file of [name, `${name}.map`, name.replace(/\.js$/, '.d.ts')]) {
        fs.rmSync(path.join(dir, file), { force: true });
      }
      process.stdout.write(`[harness] removed out/test/${name}: its source test/${name.replace(/\.js$/, '.ts')} is gone\n`);
    }
  }
}

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const child = spawn(step.command, step.args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const forward = (stream, target) => stream.on('data', (chunk) => {
      output += chunk;
      target.write(chunk);
    });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    const seconds = () => (Date.now() - started) / 1000;
    child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, output, seconds: seconds() }));
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}`, seconds: seconds() }));
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
const ok = new Set();
let passed = 0;
let failed = 0;
for (const step of steps) {
  const missing = (step.needs ?? []).filter((name) => !ok.has(name));
  if (missing.length > 0) {
    rows.push({ step: step.name, result: `not run: ${missing.join(', ')} failed` });
    continue;
  }
  if (step.skipUnless && !step.skipUnless()) {
    rows.push({ step: step.name, result: '0 passed, 0 failed (no test files yet)' });
    ok.add(step.name);
    continue;
  }
  process.stdout.write(`\n===== ${step.name}: ${path.basename(step.command)} ${step.args.join(' ')} =====\n`);
  const { code, signal, output, seconds } = await run(step);
  const exit = signal ? `killed by ${signal}` : `exit ${code}`;
  if (step.tier) {
    const { passing, failing, pending } = summary(output);
    const crashed = passing === undefined && failing === undefined;
    // A tier that fails without a failing test (a crash in setup or teardown) is one failure.
    const extra = crashed || (code !== 0 && !failing) ? 1 : 0;
    passed += passing ?? 0;
    // A skipped (pending) test counts as failed: no skipped test is left behind unnoticed.
    failed += (failing ?? 0) + extra + (pending ?? 0);
    const counts = `${passing ?? 0} passed, ${failing ?? 0} failed${pending ? `, ${pending} skipped (counted as failed)` : ''}`;
    rows.push({ step: step.name, result: crashed ? `crashed without a summary (${exit})` : `${counts}${extra ? ` (${exit})` : ''}`, seconds });
  } else {
    failed += code === 0 ? 0 : 1;
    rows.push({ step: step.name, result: code === 0 ? 'ok' : `failed (${exit})`, seconds });
  }
  if (code === 0) {
    ok.add(step.name);
  }
  if (step.name === 'type-check' && code === 0) {
    pruneStaleTests();
  }
}

process.stdout.write('\n===== summary =====\n');
for (const row of rows) {
  const time = row.seconds === undefined ? '' : `${row.seconds.toFixed(1).padStart(7)} s`;
  process.stdout.write(`${row.step.padEnd(12)} ${time.padEnd(10)} ${row.result}\n`);
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
