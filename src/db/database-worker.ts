import fs from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { locateEmbeddedWorker, type WorkerEntry } from "./locate-embedded-worker.js";

export type WorkerInput = {
  dir: string | null;
  password: string;
  /** In memory only: start from this `dumpDataDir` tarball instead of running initdb (test databases). */
  snapshot?: Uint8Array<ArrayBuffer>;
  /** PGlite's WebAssembly, compiled once per process and shared with every database thread. */
  wasm?: { pglite: WebAssembly.Module; initdb: WebAssembly.Module };
};
type StartInput = Omit<WorkerInput, "wasm">;
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
export async function startDatabaseWorker(
  input: StartInput,
  onExit: (reason: string) => void,
): Promise<DatabaseWorker> {
  const [entry, wasm] = await Promise.all([locateEmbeddedWorker(), compiledWasm()]);
  const worker = spawnWorker(entry, { ...input, wasm });
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

let compiled: Promise<WorkerInput["wasm"]> | undefined;

/**
 * A thread that compiles PGlite's 9 MB of WebAssembly itself starts cold every time (tests open many
 * databases per process: ~2× slower each). Compiled here once, the code is shared by every thread.
 * undefined (the thread loads it itself) if the files are not where this version of PGlite keeps them.
 */
function compiledWasm(): Promise<WorkerInput["wasm"]> {
  compiled ??= (async () => {
    try {
      const dist = import.meta.resolve("@electric-sql/pglite");
      const compile = async (file: string) => WebAssembly.compile(await fs.readFile(new URL(file, dist)));
      const [pglite, initdb] = await Promise.all([compile("./pglite.wasm"), compile("./initdb.wasm")]);
      return { pglite, initdb };
    } catch {
      return undefined;
    }
  })();
  return compiled;
}

/** execArgv is empty: the app's V8 flags are process-wide, and a preloaded --import is for the main thread. */
function spawnWorker(entry: WorkerEntry, input: WorkerInput): Worker {
  const options = { workerData: input, execArgv: [] as string[], name: "embedded-postgres" };
  return "file" in entry ? new Worker(entry.file, options) : new Worker(entry.evalCode, { ...options, eval: true });
}
