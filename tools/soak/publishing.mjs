// `npm run soak:publishing`: the model-based publishing test (backend/test/integration/
// publishing-model.integration.ts) with many more fast-check sequences than `npm test` runs.
//
//   npm run soak:publishing -- [--runs 200] [--rounds 1] [--seed N]
//
// Each round is one Jest run of the test with PUBLISHING_MODEL_RUNS=<runs> and its own seed
// (random unless --seed is given; a failing round prints how to replay it). The test bounds a
// round to 10 minutes; this script stops a round that hangs after 15. Prints per round the seed
// and how many sequences passed, then `N passed, N failed`. Exit 1 if a round failed.
// Services as for the integration tests: TEST_DATABASE_URL and TEST_REDIS_URL.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bin, root } from '../common.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, rounds: { type: 'string', default: '1' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const rounds = Number(values.rounds);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
  console.error('--runs must be a positive integer and --rounds between 1 and 50');
  process.exit(2);
}
const ROUND_LIMIT_MS = 15 * 60_000;
const directory = join(root, 'dist', 'soak');
mkdirSync(directory, { recursive: true });

function jestRound(seed, report) {
  return new Promise((resolve) => {
    const child = spawn(bin('jest'), ['-c', 'tools/soak/jest.config.cjs', '--runInBand'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', PUBLISHING_MODEL_RUNS: String(runs), PUBLISHING_SOAK_SEED: String(seed), PUBLISHING_SOAK_REPORT: report },
      stdio: 'inherit',
      detached: true,
    });
    const timer = setTimeout(() => {
      console.error(`✗ round with seed ${seed} still running after ${ROUND_LIMIT_MS / 60_000} min: stopping it`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, ROUND_LIMIT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

const results = [];
for (let round = 1; round <= rounds; round++) {
  const seed = values.seed !== undefined ? Number(values.seed) + round - 1 : (Math.random() * 2 ** 31) | 0;
  const report = join(directory, `publishing-round-${round}.jsonl`);
  rmSync(report, { force: true });
  console.log(`\n━━ soak:publishing round ${round}/${rounds}: seed ${seed}, ${runs} sequences`);
  const started = Date.now();
  const code = await jestRound(seed, report);
  let details = null;
  try {
    details = JSON.parse(readFileSync(report, 'utf8').trim().split('\n').pop());
  } catch {
    /* the test did not get as far as fast-check */
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  const passed = code === 0 && details !== null && !details.failed;
  results.push({ seed, passed, sequences: details?.numRuns ?? 0 });
  if (passed) console.log(`✓ seed ${seed}: ${details.numRuns} sequences passed (${details.numSkips} skipped) in ${seconds} s`);
  else if (details?.failed) {
    console.log(`✗ seed ${seed}: failed after ${details.numRuns} passing sequences (${details.numShrinks} shrinks) in ${seconds} s`);
    console.log(`  counterexample: ${JSON.stringify(details.counterexample)}`);
    console.log(`  ${details.error}`);
    console.log(`  replay: npm run soak:publishing -- --runs ${runs} --seed ${seed}`);
  } else console.log(`✗ seed ${seed}: Jest exited ${code} before fast-check reported (${seconds} s); see the output above`);
}

const passed = results.filter((r) => r.passed).length;
console.log(`\nSequences passed: ${results.reduce((sum, r) => sum + (r.passed ? r.sequences : 0), 0)} in ${passed} of ${results.length} rounds (seeds ${results.map((r) => r.seed).join(', ')})`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
