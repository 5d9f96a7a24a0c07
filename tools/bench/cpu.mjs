// CPU accounting for a load run, from /proc (Linux): how much CPU the server, PostgreSQL and
// the load generator used per request, and how much the rest of the machine took meanwhile.
// The second figure says whether a run can be trusted: on a shared 2-core machine a test suite
// running beside the benchmark halves the figures without anything being wrong with the app.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
const supported = process.platform === 'linux';

/** User + system CPU of one process in ms; 0 when it is gone or unreadable. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Busy CPU time of the whole machine in ms (all cores). */
function machineBusyMs() {
  // cpu  user nice system idle iowait irq softirq steal …
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

function ownCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Starts counting. `groups` maps a name to the pids to count (processes that exit before
 * stop() are left out). Returns `stop(requests)` → CPU ms per group and per request, and the
 * share of the machine the rest took; `stop` returns null when /proc is not available.
 */
export function watchCpu(groups) {
  if (!supported) return () => null;
  const started = { at: performance.now(), machine: machineBusyMs(), own: ownCpuMs() };
  const names = Object.keys(groups);
  const before = names.map((name) => new Map(groups[name].map((pid) => [pid, processCpuMs(pid)])));
  return (requests) => {
    const wallMs = performance.now() - started.at;
    const busyMs = machineBusyMs() - started.machine;
    const loadGeneratorMs = ownCpuMs() - started.own;
    const perGroup = Object.fromEntries(
      names.map((name, i) => {
        let total = 0;
        for (const [pid, startMs] of before[i]) {
          const endMs = processCpuMs(pid);
          if (endMs >= startMs) total += endMs - startMs;
        }
        return [name, total];
      }),
    );
    const accounted = loadGeneratorMs + Object.values(perGroup).reduce((a, b) => a + b, 0);
    const capacityMs = wallMs * cpus().length;
    const round = (value) => Math.round(value * 100) / 100;
    return {
      cpuMsPerRequest: {
        ...Object.fromEntries(Object.entries(perGroup).map(([name, ms]) => [name, round(ms / requests)])),
        loadGenerator: round(loadGeneratorMs / requests),
      },
      machineBusyShare: round(busyMs / capacityMs),
      otherProcessesShare: round(Math.max(0, busyMs - accounted) / capacityMs),
    };
  };
}

/** Share of the machine's CPU that is busy right now (sampled over `ms`), before anything of ours runs. */
export async function machineBusyNow(ms = 2000) {
  if (!supported) return null;
  const busy = machineBusyMs();
  const at = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return Math.round(((machineBusyMs() - busy) / ((performance.now() - at) * cpus().length)) * 100) / 100;
}
