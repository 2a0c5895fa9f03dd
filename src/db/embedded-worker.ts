import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { WorkerInput, WorkerReport, WorkerRequest } from "./database-worker.js";
import { requirePassword } from "./require-password.js";
import { scramVerifier } from "./scram-sha-256.js";
import { serializeExtendedQueries } from "./serialize-protocol.js";

/**
 * The embedded database's own thread (started by database-worker.ts): PGlite and its socket server, so
 * the CPU PostgreSQL spends on queries is not spent on the app's event loop. Talks to the app through
 * the socket only; the thread's messages are just ready / failed / closed.
 */

/**
 * PostgreSQL's default 128 MB of shared buffers is allocated and touched inside PGlite's WebAssembly
 * memory at start: ~140 MB of resident memory and ~80 ms of start-up for a database of a few MB.
 * 16 MB holds a whole programme's working set (bench/: RSS and cold start).
 */
const START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

const input = workerData as WorkerInput;
const port = parentPort;
const report = (message: WorkerReport) => port?.postMessage(message);

try {
  const options = {
    startParams: START_PARAMS,
    pgliteWasmModule: input.wasm?.pglite,
    initdbWasmModule: input.wasm?.initdb,
    loadDataDir: input.snapshot && !input.dir ? new Blob([input.snapshot]) : undefined,
  };
  const db = input.dir ? await PGlite.create(input.dir, options) : await PGlite.create(options);
  // maxConnections > the pools' sizes together: the server's 8, a CLI's 2, migrations, lifelines.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 32 });
  serializeExtendedQueries(server);
  requirePassword(server, scramVerifier(input.password));
  await server.start();
  report({ type: "ready", port: Number(server.getServerConn().split(":").pop()) });
  port?.on("message", async (request: WorkerRequest) => {
    if (request.type !== "close") return;
    await server.stop();
    await db.close();
    report({ type: "closed" });
    port.close();
  });
} catch (error) {
  report({ type: "failed", message: (error as Error)?.message ?? String(error) });
}
