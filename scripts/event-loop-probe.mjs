// Preloaded into a spawned server by scripts/measure-db-offload.ts (`node --import`): measures the main
// thread's event-loop delay. SIGUSR2 once starts a fresh window; SIGUSR2 again writes the window's figures
// as JSON to EVENT_LOOP_PROBE_OUT. Not part of the app.
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let open = false;
let cpuAtStart = process.cpuUsage();
let mainAtStart = mainThreadCpuMs();

/** CPU time of the main thread alone (Linux): /proc/self/task/<pid>/stat utime + stime, in ms. */
function mainThreadCpuMs() {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}
process.on("SIGUSR2", () => {
  if (!open) {
    histogram.reset();
    cpuAtStart = process.cpuUsage();
    mainAtStart = mainThreadCpuMs();
    open = true;
    return;
  }
  open = false;
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const cpu = process.cpuUsage(cpuAtStart);
  const out = {
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
    meanMs: ms(histogram.mean),
    processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mainThreadCpuMs: Math.round(mainThreadCpuMs() - mainAtStart),
  };
  fs.writeFileSync(process.env.EVENT_LOOP_PROBE_OUT ?? "event-loop.json", JSON.stringify(out));
});
