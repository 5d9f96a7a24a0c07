// Loaded into the model test's module registry (same fast-check instance as the test): fixes the
// seed from PUBLISHING_SOAK_SEED and writes fast-check's run details (seed, sequences run, failure
// and counterexample) to PUBLISHING_SOAK_REPORT. The test's own numRuns comes from
// PUBLISHING_MODEL_RUNS; failures are still thrown by fast-check's default reporter.
const fc = require('fast-check');
const { appendFileSync } = require('node:fs');

const seed = Number(process.env.PUBLISHING_SOAK_SEED);
const report = process.env.PUBLISHING_SOAK_REPORT;
if (!Number.isInteger(seed) || !report) throw new Error('PUBLISHING_SOAK_SEED and PUBLISHING_SOAK_REPORT are set by tools/soak/publishing.mjs');

const recordRun = () => ({
  onAllRunsComplete(details) {
    appendFileSync(
      report,
      `${JSON.stringify({
        seed: details.seed,
        numRuns: details.numRuns,
        numSkips: details.numSkips,
        failed: details.failed,
        interrupted: details.interrupted,
        numShrinks: details.numShrinks,
        path: details.counterexamplePath,
        counterexample: details.failed ? details.counterexample : null,
        error: details.failed ? String(details.errorInstance) : null,
      })}\n`,
    );
  },
});

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed, plugins: [recordRun] });
