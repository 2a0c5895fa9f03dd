import type { Logger } from "../core/ports/logger.js";

/** How long a fatal stop may take to close the server and the database before the process exits anyway. */
const FATAL_EXIT_MS = 5_000;

export type ProcessFaults = {
  /** What to close (HTTP server, scheduler, database) when an uncaught exception stops the process. */
  closeWith(close: () => Promise<void>): void;
};

/**
 * The process-level policy (docs/RELIABILITY.md "When something is not caught"):
 * - an unhandled promise rejection is a missing `catch` around one piece of work: it is logged at error
 *   level and the server keeps serving, so one bad request cannot become an outage for everyone;
 * - an uncaught exception leaves the process in an unknown state (Node's own advice): it is logged as
 *   fatal, the server and the database are closed (bounded by FATAL_EXIT_MS) and the process exits 1 for
 *   its supervisor (systemd, Docker, Kubernetes) to restart it.
 */
export function handleProcessFaults(logger: Logger): ProcessFaults {
  let close: (() => Promise<void>) | undefined;
  let stopping = false;
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection (a missing catch); the server keeps serving");
  });
  process.on("uncaughtException", (error) => {
    logger.error(
      { err: error, fatal: true },
      "uncaught exception; stopping with exit code 1 for the supervisor to restart",
    );
    if (stopping) return;
    stopping = true;
    process.exitCode = 1;
    setTimeout(() => process.exit(1), FATAL_EXIT_MS).unref();
    void (close?.() ?? Promise.resolve()).catch(() => {}).finally(() => process.exit(1));
  });
  return {
    closeWith(fn) {
      close = fn;
    },
  };
}
