// Preloaded into a spawned server by test/reliability/embedded-cli-and-server.test.ts (`node --import`):
// on SIGUSR2, ends every worker thread the way a PGlite abort would (exit code 1), so the test can
// see what the server does when its database thread dies. Never loaded by the app.
import { Worker } from "node:worker_threads";

const workers = new Set();
const on = Worker.prototype.on;
Worker.prototype.on = function track(...args) {
  workers.add(this);
  return on.apply(this, args);
};
process.on("SIGUSR2", () => {
  for (const worker of workers) void worker.terminate();
});
