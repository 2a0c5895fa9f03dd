// Preloaded into a spawned server by scripts/measure-db-offload.ts (`node --import`): measures the main
// thread's event-loop delay. SIGUSR2 once starts a fresh window; SIGUSR2 again writes the window's figures
// as JSON to EVENT_LOOP_PROBE_OUT. Not part of the app.
import fs from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let open = false;
let cpuAtStart = process.cpuUsage();
process.on("SIGUSR2", () => {
  if (!open) {
    histogram.reset();
    cpuAtStart = process.cpuUsage();
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
  };
  fs.writeFileSync(process.env.EVENT_LOOP_PROBE_OUT ?? "event-loop.json", JSON.stringify(out));
});
