// `npm run bench:month-view -- --profile`: one more load of the month view after the measured
// runs, with a V8 CPU profile (Chrome DevTools Protocol) and a performance trace, summarised
// as where the main thread spent its time until the page was ready. Relative shares survive a
// busy machine better than absolute times. Files: dist/bench/month-view.cpuprofile and
// dist/bench/month-view-trace.json (open both in Chrome's DevTools, "Performance").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../common.mjs';

/** Trace events worth naming on the renderer's main thread (what DevTools shows as Rendering and Scripting). */
const TRACE_EVENTS = ['Layout', 'UpdateLayoutTree', 'PrePaint', 'Paint', 'Layerize', 'ParseHTML', 'ParseAuthorStyleSheet', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'HitTest', 'IntersectionObserverController::computeIntersections', 'ResizeObserverController::DeliverObservations'];

/**
 * Loads `url` once with profiling on; `load(page)` does what measureOnce does (wait for all
 * posts, click "+N", wait for the popover) and returns the figures.
 */
export async function profileOnce(browser, context, origin, url, load) {
  const page = await context.newPage();
  // Same origin first, so the navigation below stays in this renderer and the profiler with it.
  await page.goto(`${origin}/favicon.ico`).catch(() => undefined);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const tracePath = join(root, 'dist', 'bench', 'month-view-trace.json');
  await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  await cdp.send('Profiler.start');
  const figures = await load(page);
  const { profile } = await cdp.send('Profiler.stop');
  await browser.stopTracing();
  await page.close();
  const profilePath = join(root, 'dist', 'bench', 'month-view.cpuprofile');
  writeFileSync(profilePath, JSON.stringify(profile));
  const trace = summariseTrace(JSON.parse(readFileSync(tracePath, 'utf8')), figures);
  // Profile and trace share the browser's monotonic clock (µs): the trace's navigationStart anchors both.
  const window = trace ? { readyUs: trace.navigationStartUs + figures.readyMs * 1000, arrivedUs: trace.navigationStartUs + (figures.postsRequest?.endMs ?? 0) * 1000 } : {};
  return { figures, cpu: summariseProfile(profile, window), trace, files: [profilePath, tracePath] };
}

/** Self time per function and per script until ready, and the share after the posts arrived. */
function summariseProfile(profile, { readyUs, arrivedUs }) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map();
  // Profile timestamps are µs on the same clock as trace timestamps (monotonic); startTime is that clock.
  let t = profile.startTime;
  const phase = { beforePosts: new Map(), afterPosts: new Map() };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (readyUs && t > readyUs) break;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const id = profile.samples[i];
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
    const bucket = arrivedUs && t >= arrivedUs ? phase.afterPosts : phase.beforePosts;
    const node = nodes.get(id);
    const key = scriptOf(node);
    bucket.set(key, (bucket.get(key) ?? 0) + delta);
  }
  const byFunction = new Map();
  const byScript = new Map();
  for (const [id, us] of selfByNode) {
    const node = nodes.get(id);
    const frame = node.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const script = scriptOf(node);
    byScript.set(script, (byScript.get(script) ?? 0) + us);
  }
  const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));
  return { byScript: top(byScript, 12), byFunction: top(byFunction, 30), afterPostsByScript: top(phase.afterPosts, 10) };
}

function shortUrl(url) {
  if (!url) return '';
  try {
    return new URL(url).pathname.split('/').pop();
  } catch {
    return url;
  }
}

function scriptOf(node) {
  const frame = node.callFrame;
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  return shortUrl(frame.url);
}

/** Main-thread time by trace event (nested events count within their parents too), and forced layouts. */
function summariseTrace(trace, figures) {
  const events = trace.traceEvents ?? trace;
  // navigationStart is recorded on the main thread of the renderer that shows the plan (the
  // favicon visit before it has none with a URL of its own; later pages of the context none at all).
  const navigation = events.find((e) => e.name === 'navigationStart' && /\/redaktionsplan/.test(e.args?.data?.documentLoaderURL ?? ''));
  if (!navigation) return null;
  const main = { pid: navigation.pid, tid: navigation.tid };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const start = navigation?.ts ?? 0;
  const readyTs = start + (figures.readyMs ?? Infinity) * 1000;
  const arrivedTs = start + (figures.postsRequest?.endMs ?? 0) * 1000;
  const totals = {};
  let forcedLayouts = 0;
  let forcedLayoutMs = 0;
  let layoutsAfterPosts = 0;
  const scripts = onMain.filter((e) => ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.run', 'V8.Execute'].includes(e.name));
  for (const event of onMain) {
    if (event.ts < start || event.ts > readyTs) continue;
    if (TRACE_EVENTS.includes(event.name)) {
      const entry = (totals[event.name] ??= { count: 0, ms: 0, afterPostsMs: 0 });
      entry.count += 1;
      entry.ms += event.dur / 1000;
      if (event.ts >= arrivedTs) entry.afterPostsMs += event.dur / 1000;
    }
    if (event.name === 'Layout') {
      if (event.ts >= arrivedTs) layoutsAfterPosts += 1;
      if (scripts.some((s) => s.ts <= event.ts && s.ts + s.dur >= event.ts + event.dur)) {
        forcedLayouts += 1;
        forcedLayoutMs += event.dur / 1000;
      }
    }
  }
  for (const entry of Object.values(totals)) {
    entry.ms = Math.round(entry.ms);
    entry.afterPostsMs = Math.round(entry.afterPostsMs);
  }
  // The main thread's tasks until ready: wall time, and the CPU time the thread actually got
  // (`tdur`). On a shared machine the thread waits for a core inside its tasks; the CPU time
  // is what the page itself needs, and it hardly moves with the machine's load.
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= start && e.ts <= readyTs);
  const mainThread = {
    busyMs: Math.round(tasks.reduce((sum, e) => sum + e.dur, 0) / 1000),
    cpuMs: Math.round(tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000),
  };
  return { navigationStartUs: start, mainThread, totals, forcedLayouts, forcedLayoutMs: Math.round(forcedLayoutMs), layoutsAfterPosts };
}
