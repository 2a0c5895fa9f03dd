import { Worker } from "node:worker_threads";

export type WorkerInput = { dir: string | null; password: string };
export type WorkerRequest = { type: "close" };
export type WorkerReport = { type: "ready"; port: number } | { type: "failed"; message: string } | { type: "closed" };

export type DatabaseWorker = {
  port: number;
  /** Closes PGlite cleanly (a checkpoint, no recovery on the next start) and ends the thread. */
  stop(): Promise<void>;
};

const STOP_TIMEOUT_MS = 15_000;

/**
 * Starts embedded-worker.ts in a worker thread and resolves once its socket server listens. After that,
 * the thread ending without stop() — PGlite aborting, an uncaught error — is reported once through
 * `onExit` with a short reason: the database is gone and the caller must not carry on as if it were not.
 */
export function startDatabaseWorker(input: WorkerInput, onExit: (reason: string) => void): Promise<DatabaseWorker> {
  const worker = spawnWorker(input);
  let ready = false;
  let stopping = false;
  let lastError = "";
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));

  return new Promise((resolve, reject) => {
    const failStart = (reason: string) => {
      void worker.terminate();
      reject(new Error(`the embedded database did not start: ${reason}`));
    };
    worker.on("error", (error) => {
      lastError = error?.message ?? String(error);
    });
    worker.on("exit", (code) => {
      const reason = lastError || `its thread exited with code ${code}`;
      if (!ready) failStart(reason);
      else if (!stopping) onExit(reason);
    });
    worker.on("message", (report: WorkerReport) => {
      if (report.type === "failed") return failStart(report.message);
      if (report.type !== "ready" || ready) return;
      ready = true;
      resolve({
        port: report.port,
        async stop() {
          if (stopping) return exited;
          stopping = true;
          const closed = new Promise<void>((done) =>
            worker.on("message", (m: WorkerReport) => m.type === "closed" && done()),
          );
          worker.postMessage({ type: "close" } satisfies WorkerRequest);
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<void>((done) => {
            timer = setTimeout(done, STOP_TIMEOUT_MS);
          });
          await Promise.race([closed, exited, timeout]);
          clearTimeout(timer);
          await worker.terminate();
        },
      });
    });
  });
}

/**
 * From dist/ (what `npm start` runs) the thread loads embedded-worker.js directly. From the TypeScript
 * sources (tsx, vitest) the thread has no TypeScript loader of its own: register tsx in it first.
 * execArgv is empty either way: the app's V8 flags are process-wide, and a preloaded --import is for
 * the main thread.
 */
function spawnWorker(input: WorkerInput): Worker {
  const options = { workerData: input, execArgv: [] as string[], name: "embedded-postgres" };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./embedded-worker.js", import.meta.url), options);
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./embedded-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
