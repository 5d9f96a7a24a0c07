// `npm test`: every test suite of the workspace, the same way CI runs it (`bash .ci/run`).
//
//   node tools/test.mjs [--only lint,unit,integration,build,e2e] [--no-install]
//
// Suites run in that order with their output streamed to the console. Each leaves
// machine-readable results (Jest/Playwright JSON in dist/test-results/, Nx's list of failed
// tasks for lint) and the counts come from those, never from guessing. A suite whose config
// does not exist yet is reported loudly as "NOT PRESENT" and counted as skipped, not passed.
// The very last line is `N passed, N failed, N skipped`; CI reads it. Exit 1 if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { bin, capture, ensureDependencies, root } from './common.mjs';
import { ensureServices } from './ensure-services.mjs';

const SUITES = ['lint', 'unit', 'integration', 'build', 'e2e'];
const UNIT_CONFIGS = {
  contracts: 'libs/contracts/jest.config.ts',
  domain: 'libs/domain/jest.config.ts',
  backend: 'backend/jest.config.ts',
  frontend: 'frontend/jest.config.ts',
};
const INTEGRATION_CONFIG = 'backend/jest.integration.config.ts';
const E2E_CONFIG = 'frontend/playwright.config.ts';
const BUILD_PROJECTS = ['backend', 'frontend'];
const RESULTS = join(root, 'dist', 'test-results');
const MINUTE = 60_000;

const { values: flags } = parseArgs({ options: { only: { type: 'string' }, 'no-install': { type: 'boolean' } } });
const selected = flags.only ? flags.only.split(',').map((s) => s.trim()).filter(Boolean) : SUITES;
const unknown = selected.filter((s) => !SUITES.includes(s));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${SUITES.join(', ')}`);
  process.exit(2);
}
const wanted = (suite) => selected.includes(suite);
const present = (file) => existsSync(join(root, file));

/** One line of the summary table. */
const rows = [];
function record(suite, { passed = 0, failed = 0, skipped = 0, ms = 0, note = '', result }) {
  rows.push({ suite, passed, failed, skipped, ms, note, result: result ?? (failed ? 'FAILED' : 'ok') });
}

function banner(text) {
  console.log(`\n${'━'.repeat(78)}\n━━ ${text}\n${'━'.repeat(78)}`);
}

/** Loud on purpose: a missing suite must not look like a green one. */
function notPresent(suite, file) {
  console.log(`\n!!!!! ${suite}: SKIPPED (not present) — ${file} missing; nothing was tested here !!!!!`);
  record(suite, { skipped: 1, note: `missing: ${file}`, result: 'NOT PRESENT' });
}

// ---------------------------------------------------------------- child processes

let current = null;
/**
 * Runs one runner with its output on our console (and kept in memory when `keep` is set).
 * Its own process group lets a time limit or Ctrl-C stop the whole tree (Jest and Nx fork workers).
 */
function exec(command, args, { env = process.env, minutes = 20, keep = false } = {}) {
  const started = Date.now();
  console.log(`» ${[command.replace(`${root}/node_modules/.bin/`, 'npx '), ...args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', keep ? 'pipe' : 'inherit', keep ? 'pipe' : 'inherit'] });
    current = child;
    let output = '';
    let timedOut = false;
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      from?.on('data', (chunk) => {
        to.write(chunk);
        output += chunk;
      });
    }
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n✗ ${command} still running after ${minutes} min: stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, minutes * MINUTE);
    const finish = (code) => {
      clearTimeout(timer);
      current = null;
      resolve({ code, output, timedOut, ms: Date.now() - started });
    };
    child.on('error', (error) => {
      console.error(`✗ ${command}: ${error.message}`);
      finish(127);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current, 'SIGTERM');
    console.error(`\n${signal}: test run interrupted`);
    process.exit(130);
  });
}

/** Whatever the results file says, a runner that failed or hung is at least one failure. */
function settle(counts, { code, timedOut }) {
  if (timedOut) return { ...counts, failed: counts.failed + 1, note: 'timed out' };
  if (code !== 0 && counts.failed === 0) return { ...counts, failed: 1, note: `runner exited ${code} with no failed test in its results` };
  return counts;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- suites

/** One test per project with a lint target; failed projects are the ones Nx lists under "Failed tasks". */
async function lint() {
  banner('lint');
  const listed = capture(bin('nx'), ['show', 'projects', '--with-target', 'lint', '--json']);
  const projects = JSON.parse(listed.stdout.trim().split('\n').at(-1) || 'null');
  if (!Array.isArray(projects)) return record('lint', { failed: 1, note: `nx show projects failed: ${listed.stderr.trim().slice(0, 200)}` });
  if (projects.length === 0) return notPresent('lint', 'a project with a lint target');
  const run = await exec(bin('nx'), ['run-many', '-t', 'lint', '--output-style=static', '--skip-nx-cache'], { keep: true, minutes: 15 });
  const text = stripVTControlCharacters(run.output);
  const failedList = text.includes('Failed tasks:') ? text.slice(text.lastIndexOf('Failed tasks:')) : '';
  const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const failed = projects.filter((p) => new RegExp(`^\\s*-\\s+${escape(p)}:lint\\s*$`, 'm').test(failedList));
  const counts = settle({ passed: projects.length - failed.length, failed: failed.length }, run);
  record('lint', { ...counts, ms: run.ms, note: failed.length ? `failed: ${failed.join(', ')}` : (counts.note ?? '') });
}

/** Counts from Jest's --json report: tests passed/failed/pending, plus suites that could not run. */
function recordJest(suite, file, run) {
  const report = readJson(file);
  if (!report) return record(suite, { failed: 1, ms: run.ms, note: `no results file (runner exited ${run.code})` });
  if (report.numTotalTestSuites === 0) {
    console.log(`\n!!!!! ${suite}: SKIPPED — Jest found no test files !!!!!`);
    return record(suite, { skipped: 1, ms: run.ms, note: 'no test files found', result: 'NO TESTS' });
  }
  const counts = settle({
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  }, run);
  const note = report.numRuntimeErrorTestSuites ? `${report.numRuntimeErrorTestSuites} test file(s) could not run` : counts.note;
  record(suite, { ...counts, ms: run.ms, note });
}

async function jest(suite, config, file, extraArgs = [], env = process.env) {
  rmSync(file, { force: true });
  const run = await exec(bin('jest'), ['-c', config, ...extraArgs, '--json', `--outputFile=${file}`], { env, minutes: 30 });
  recordJest(suite, file, run);
}

/** Jest straight per config (not through Nx) so each project leaves its own JSON report. */
async function unit() {
  for (const [name, config] of Object.entries(UNIT_CONFIGS)) {
    banner(`unit: ${name}`);
    if (!present(config)) notPresent(`unit:${name}`, config);
    else await jest(`unit:${name}`, config, join(RESULTS, `unit-${name}.json`));
  }
}

async function integration(services) {
  banner('integration (real PostgreSQL and Redis)');
  if (!present(INTEGRATION_CONFIG)) return notPresent('integration', INTEGRATION_CONFIG);
  if (services.error) return record('integration', { failed: 1, note: `services: ${services.error}` });
  // PGlite (the embedded database of `npm start`) loads its WebAssembly by dynamic import, which
  // Jest allows only with VM modules; set for this suite only (it breaks jest-preset-angular).
  const env = {
    ...process.env,
    TEST_DATABASE_URL: services.databaseUrl,
    TEST_REDIS_URL: services.redisUrl,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  };
  await jest('integration', INTEGRATION_CONFIG, join(RESULTS, 'integration.json'), ['--runInBand'], env);
}

/** The production build of both apps counts as one test. */
async function build() {
  banner('build');
  const projects = BUILD_PROJECTS.filter((p) => present(`${p}/project.json`));
  const missing = BUILD_PROJECTS.filter((p) => !projects.includes(p));
  if (!projects.length) return notPresent('build', BUILD_PROJECTS.map((p) => `${p}/project.json`).join(', '));
  if (missing.length) console.log(`!!!!! build: ${missing.join(', ')} not present, building ${projects.join(', ')} only !!!!!`);
  const run = await exec(bin('nx'), ['run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'], { minutes: 20 });
  const counts = run.code === 0 && !run.timedOut ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  const note = missing.length ? `not present: ${missing.join(', ')}` : run.timedOut ? 'timed out' : '';
  record('build', { ...counts, ms: run.ms, note });
}

/**
 * Playwright with the list reporter (readable CI log) and the json reporter, whose file we name
 * through PLAYWRIGHT_JSON_OUTPUT_FILE so the count never depends on the config's reporter list.
 */
async function e2e(services) {
  banner('e2e (Playwright, Debian Chromium)');
  if (!present(E2E_CONFIG)) return notPresent('e2e', E2E_CONFIG);
  if (services.error) return record('e2e', { failed: 1, note: `services: ${services.error}` });
  const file = join(RESULTS, 'e2e.json');
  rmSync(file, { force: true });
  const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: file, TEST_DATABASE_URL: services.databaseUrl, TEST_REDIS_URL: services.redisUrl };
  const run = await exec(bin('playwright'), ['test', '-c', E2E_CONFIG, '--reporter=list,json'], { env, minutes: 30 });
  const report = readJson(file);
  if (!report?.stats) return record('e2e', { failed: 1, ms: run.ms, note: `no results file (runner exited ${run.code})` });
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Errors outside any test (webServer did not start, global setup threw) fail the suite.
  const outside = report.errors?.length ?? 0;
  const counts = settle({ passed: expected + flaky, failed: unexpected + (unexpected === 0 && outside ? 1 : 0), skipped }, run);
  const note = [flaky && `${flaky} flaky (passed on retry)`, outside && `${outside} error(s) outside tests`, counts.note].filter(Boolean).join('; ');
  record('e2e', { ...counts, ms: run.ms, note });
}

// ---------------------------------------------------------------- main

function summary() {
  banner('summary');
  const header = ['Suite', 'Result', 'Passed', 'Failed', 'Skipped', 'Time', 'Notes'];
  const lines = rows.map((r) => [r.suite, r.result, r.passed, r.failed, r.skipped, r.ms ? `${Math.round(r.ms / 1000)}s` : '', r.note ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  for (const line of [header, ...lines]) {
    console.log(line.map((cell, i) => (i >= 2 && i <= 5 ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join('  ').trimEnd());
  }
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  return { passed: total('passed'), failed: total('failed'), skipped: total('skipped') };
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (!flags['no-install']) {
    try {
      await ensureDependencies();
    } catch (error) {
      record('install', { failed: 1, note: error.message });
      return;
    }
  }
  // Services only when a suite that is selected and present talks to them.
  const needsServices = (wanted('integration') && present(INTEGRATION_CONFIG)) || (wanted('e2e') && present(E2E_CONFIG));
  let services = {};
  if (needsServices) {
    banner('services');
    try {
      services = await ensureServices({ chromium: wanted('e2e') && present(E2E_CONFIG) });
    } catch (error) {
      console.error(`✗ ${error.message}`);
      services = { error: error.message.split('\n')[0] };
    }
  }
  if (wanted('lint')) await lint();
  if (wanted('unit')) await unit();
  if (wanted('integration')) await integration(services);
  if (wanted('build')) await build();
  if (wanted('e2e')) await e2e(services);
}

await main();
const { passed, failed, skipped } = summary();
const notPresentSuites = rows.filter((r) => r.result === 'NOT PRESENT').map((r) => r.suite);
if (notPresentSuites.length) console.log(`\n!!!!! not present, so not tested: ${notPresentSuites.join(', ')} !!!!!`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
