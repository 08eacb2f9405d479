#!/usr/bin/env node
// Runs every suite `npm test` stands for and ends with one line `N passed, N failed` that sums
// them all, which is what .ci/run and people read. Each suite's own output streams through.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), 'vitrine-test-'));

/** A check that is one pass or one fail (type check, lint, build). */
const step = (name, cmd, args) => ({ name, kind: 'step', cmd, args });
/** A vitest suite whose per-test counts are read from its JSON report. */
const vitest = (name, config) => ({
  name,
  kind: 'vitest',
  cmd: 'npx',
  args: [
    'vitest',
    'run',
    '-c',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(out, `${name}.json`)}`,
  ],
});

const suites = [
  step('build', 'npm', ['run', 'build', '--silent']),
  step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  step('lint', 'npx', ['eslint', '.']),
  step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']),
  vitest('unit', 'vitest.config.ts'),
  vitest('e2e', 'vitest.e2e.config.ts'),
].filter((s) => only.length === 0 || only.includes(s.name));

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let builtOk = false;
const summary = [];
for (const suite of suites) {
  if (suite.kind === 'vitest' && !existsSync(suite.args[3])) continue;
  console.log(`\n━━ ${suite.name}: ${suite.cmd} ${suite.args.join(' ')}`);
  const started = Date.now();
  // The build step already produced dist/; the browser suite's setup need not build it again.
  const env = builtOk && suite.name === 'e2e' ? { VITRINE_E2E_SKIP_BUILD: '1' } : {};
  const code = await run(suite.cmd, suite.args, env);
  if (suite.name === 'build') builtOk = code === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (suite.kind === 'step') {
    if (code === 0) passed += 1;
    else failed += 1;
    summary.push(`${suite.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds}s`);
    continue;
  }
  const reportFile = join(out, `${suite.name}.json`);
  let p = 0;
  let f = 0;
  let s = 0;
  if (existsSync(reportFile)) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    p = report.numPassedTests ?? 0;
    f = report.numFailedTests ?? 0;
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A suite that failed outside any test (a file that did not load) still counts as a failure.
    const fileFailures = (report.testResults ?? []).filter(
      (r) =>
        r.status === 'failed' && (r.assertionResults ?? []).every((a) => a.status !== 'failed'),
    ).length;
    f += fileFailures;
  }
  if (code !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  skipped += s;
  summary.push(`${suite.name}: ${p} passed, ${f} failed, ${s} skipped in ${seconds}s`);
}

console.log('\n━━ summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
