// Clients that pause between requests, the way people do: each of `clients` keeps one keep-alive
// connection and sends its next request `intervalMs` after the previous one went out (at once
// when the answer took longer), cycling through `paths`. The clients start at random offsets
// within one interval, so their requests do not arrive in bursts; autocannon's
// `connectionRate` starts all connections in the same instant and keeps them in step, so every
// interval began with all clients queueing behind each other (decision 0023).
//
// Latency is taken per request with the high-resolution clock, from writing the request to the
// end of the answer, and the percentiles are exact (sorted samples, p95 itself, not p97.5).
import http from 'node:http';
import { watchCpu } from './cpu.mjs';
import { LOAD } from './load.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (ms) => Math.round(ms * 100) / 100;

function get(agent, origin, path, headers) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(`${origin}${path}`, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode, bytes, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      response.on('error', reject);
    });
    request.setTimeout(10_000, () => request.destroy(new Error(`no answer within 10 s: ${path}`)));
    request.on('error', reject);
  });
}

async function client(origin, paths, headers, intervalMs, until, samples, offset) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let next = performance.now() + Math.random() * intervalMs;
  let i = offset;
  try {
    while (true) {
      const wait = next - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (performance.now() >= until()) return;
      next = performance.now() + intervalMs;
      const result = await get(agent, origin, paths[i++ % paths.length], headers);
      samples.push(result);
    }
  } finally {
    agent.destroy();
  }
}

async function phase(origin, paths, headers, clients, intervalMs, seconds) {
  const samples = [];
  const end = performance.now() + seconds * 1000;
  // Each client starts at another place of the cycle (three paths apart), so that at any moment
  // the clients ask for different things, as different people do.
  await Promise.all(Array.from({ length: clients }, (_, c) => client(origin, paths, headers, intervalMs, () => end, samples, c * 3)));
  return samples;
}

/**
 * Warms up, then measures `LOAD.seconds`. Every answer must be a 2xx of at least `minBytes`.
 * Returns requests/s and exact latency percentiles (ms, two decimals) plus the CPU per request
 * of the processes `processes()` names.
 */
export async function measurePaced(name, origin, paths, { headers = {}, clients, ratePerClient, minBytes = 0, processes = async () => ({}) }) {
  const intervalMs = 1000 / ratePerClient;
  process.stdout.write(`  ${name}: warm-up ${LOAD.warmupSeconds} s … `);
  await phase(origin, paths, headers, clients, intervalMs, LOAD.warmupSeconds);
  process.stdout.write(`measuring ${LOAD.seconds} s with ${clients} clients at ≤ ${ratePerClient} requests/s each, unsynchronised … `);
  const stopCpu = watchCpu(await processes());
  const started = performance.now();
  const samples = await phase(origin, paths, headers, clients, intervalMs, LOAD.seconds);
  const seconds = (performance.now() - started) / 1000;
  const cpu = stopCpu(samples.length);
  console.log('done');
  const bad = samples.filter((s) => s.status < 200 || s.status >= 300);
  if (bad.length) throw new Error(`${name}: ${bad.length} answers not 2xx (first: ${bad[0].status})`);
  const small = samples.find((s) => s.bytes < minBytes);
  if (small) throw new Error(`${name}: an answer of only ${small.bytes} bytes (expected ≥ ${minBytes})`);
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requestsPerSecond: samples.length / seconds,
    requestsTotal: samples.length,
    seconds,
    clients,
    ratePerClient,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p95: round(percentile(sorted, 95)),
      p97_5: round(percentile(sorted, 97.5)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    },
    cpu,
  };
}
