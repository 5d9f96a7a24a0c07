// One autocannon measurement with a warm-up before it; the same settings for the api and the
// bare server, so that the two figures can be compared.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../common.mjs';
import { watchCpu } from './cpu.mjs';

const autocannon = createRequire(join(root, 'package.json'))('autocannon');

export const LOAD = { connections: 32, warmupSeconds: 3, seconds: 15 };

function fire(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve({ instance, result })));
    instance.on('response', (_client, _status, bytes) => {
      instance.minBytes = Math.min(instance.minBytes ?? Infinity, bytes);
      instance.maxBytes = Math.max(instance.maxBytes ?? 0, bytes);
    });
  });
}

/**
 * Warms up, then measures. Every response must be a 2xx of at least `minBytes` (the size of a
 * response checked in full beforehand); anything else fails the run loudly. `processes()`
 * names the server's processes (after the warm-up, when its connection pool is open) whose
 * CPU is counted per request.
 */
export async function measure(name, url, { headers = {}, minBytes = 0, processes = async () => ({}), connections = LOAD.connections, requests = undefined } = {}) {
  // `requests` (autocannon's) cycles each connection through several paths, e.g. typeahead queries.
  const options = { url, headers, connections, timeout: 10, ...(requests ? { requests } : {}) };
  process.stdout.write(`  ${name}: warm-up ${LOAD.warmupSeconds} s … `);
  await fire({ ...options, duration: LOAD.warmupSeconds });
  process.stdout.write(`measuring ${LOAD.seconds} s with ${connections} connections … `);
  const stopCpu = watchCpu(await processes());
  const { instance, result } = await fire({ ...options, duration: LOAD.seconds });
  const cpu = stopCpu(result.requests.total);
  console.log('done');
  const problems = [];
  if (result.non2xx) problems.push(`${result.non2xx} non-2xx responses (${JSON.stringify(result.statusCodeStats)})`);
  if (result.errors) problems.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if ((instance.minBytes ?? 0) < minBytes) problems.push(`a response of only ${instance.minBytes} bytes (expected ≥ ${minBytes})`);
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
  return {
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    seconds: result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    responseBytes: { min: instance.minBytes, max: instance.maxBytes },
    cpu,
  };
}
