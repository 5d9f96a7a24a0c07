// The measurement bench:textblocks and bench:inbox share (decision 0023): the verdict on clients
// at the pace of people (paced-clients.mjs), beside the api's capacity without pause and a bare
// node:http "hello" server measured the same way, as the baseline of this machine and this run.
import { join } from 'node:path';
import { root } from '../common.mjs';
import { LOAD, measure } from './load.mjs';
import { measurePaced } from './paced-clients.mjs';
import { startChild, stopAll } from './processes.mjs';
import { table, verdict } from './report.mjs';

/**
 * Measures the api (process `pid`) on `paths` with `clients` people at `ratePerClient` requests/s
 * each, then the same clients without pause; then stops every started process and measures the
 * bare server. Every answer must be a 2xx of at least `minBytes`.
 */
export async function measurePeopleAndCapacity(name, { origin, paths, headers, pid, clients, ratePerClient, minBytes }) {
  console.log(`Load: ${clients} clients, ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s measured each (load generators in this process)`);
  const processes = async () => ({ server: [pid] });
  const people = await measurePaced(`${name}, people`, origin, paths, { headers, clients, ratePerClient, minBytes, processes });
  const api = await measure(`${name}, no pause`, `${origin}${paths[0]}`, {
    headers,
    connections: clients,
    requests: paths.map((path) => ({ method: 'GET', path })),
    minBytes,
    processes,
  });
  await stopAll();
  const bareServer = startChild('bare node:http', process.execPath, [join(root, 'tools/bench/hello-server.mjs')], { ipc: true });
  const { port } = await new Promise((resolve) => bareServer.once('message', resolve));
  const bare = await measure('bare "hello"', `http://127.0.0.1:${port}/`, { connections: clients, processes: async () => ({ server: [bareServer.pid] }) });
  await stopAll();
  return { people, api, bare };
}

/**
 * Prints the three rows, the verdict on the people's exact p95 against `targetMs`, and the
 * capacity's share of the bare server's throughput; returns whether the target was met.
 */
export function reportPeopleAndCapacity({ people, api, bare }, { peopleLabel, who, targetMs, busyBefore }) {
  const passed = people.latencyMs.p95 <= targetMs;
  const row = (label, r) => [label, r.requestsPerSecond.toFixed(0), r.latencyMs.p50, r.latencyMs.p90, r.latencyMs.p95 ?? '–', r.latencyMs.p97_5, r.latencyMs.p99, r.latencyMs.max, r.cpu?.cpuMsPerRequest?.server?.toFixed(2) ?? '–'];
  console.log(
    `\n${table(
      ['', 'requests/s', 'p50 ms', 'p90 ms', 'p95 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'api CPU ms/request'],
      [row(peopleLabel, people), row(`api: ${people.clients} clients without pause (capacity)`, api), row('bare node:http "hello"', bare)],
    )}`,
  );
  console.log(`\n${verdict(passed)}  p95 ≤ ${targetMs} ms for ${people.clients} ${who} (p95 ${people.latencyMs.p95} ms, p99 ${people.latencyMs.p99} ms)`);
  console.log(
    `      without pause: ${api.requestsPerSecond.toFixed(0)} requests/s, p97.5 ${api.latencyMs.p97_5} ms (${((100 * api.requestsPerSecond) / bare.requestsPerSecond).toFixed(1)} % of the bare server's throughput)`,
  );
  if ((busyBefore ?? 0) > 0.1) console.log(`⚠ Other processes used ${Math.round(busyBefore * 100)} % of the CPU before the run; the figures are pessimistic.`);
  return passed;
}
