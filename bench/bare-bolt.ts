import { Worker } from "node:worker_threads";
import { SIGNING_SECRET } from "./slack-requests.js";

/** Starts the bare-Bolt baseline (bare-bolt-worker.ts) in a worker thread; resolves with its URL. */
export async function startBareBolt(): Promise<{ url: string; stop(): Promise<void> }> {
  // Worker threads do not inherit tsx's loader hooks: register them in the worker, then load the file.
  const file = new URL("./bare-bolt-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { signingSecret: SIGNING_SECRET } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once("message", (m: { port: number }) => resolve(m.port));
    worker.once("error", reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const stopped = new Promise((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      await stopped;
      await worker.terminate();
    },
  };
}
