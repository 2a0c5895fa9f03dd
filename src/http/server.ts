import http from "node:http";
import { EnvError } from "../config/env.js";
import type { Logger } from "../core/ports/logger.js";
import { matchRoute, type Route, sendJson } from "./router.js";

export type HttpServer = {
  server: http.Server;
  port: number;
  close(): Promise<void>;
};

/**
 * One HTTP server for everything: /healthz, Slack, Teams, the calendar feed and the playground.
 * `close` stops accepting connections and waits for in-flight requests (graceful shutdown).
 */
export async function startHttpServer(options: {
  routes: () => Route[];
  port: number;
  host?: string;
  logger: Logger;
}): Promise<HttpServer> {
  // Every request is awaited inside one try: nothing a client sends can become an unhandled rejection.
  const server = http.createServer(async (req, res) => {
    let path = "(unparsed)";
    try {
      path = requestPath(req.url);
      const route = matchRoute(options.routes(), req.method ?? "GET", path);
      if (!route) {
        sendJson(res, 404, { error: "not_found" });
        return;
      }
      await route.handler(req, res);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status && status >= 400 && status < 500) {
        options.logger.warn({ path, status, reason: (error as Error).message }, "request refused");
      } else options.logger.error({ err: error, path }, "request failed");
      if (!res.headersSent)
        sendJson(res, status ?? 500, { error: status && status < 500 ? "bad_request" : "internal_error" });
      else res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Requests still running after 10 s are cut so shutdown cannot hang forever.
        setTimeout(() => server.closeAllConnections(), 10_000).unref();
      }),
  };
}

/** The path of a request target; a target that is not a URL at all is a 400, not a crash. */
function requestPath(target: string | undefined): string {
  try {
    return new URL(target ?? "/", "http://localhost").pathname;
  } catch {
    throw Object.assign(new Error("request target is not a URL"), { status: 400 });
  }
}

/** A port that is taken or an address that is not ours: one line naming the variable, not a stack. */
function listenError(error: NodeJS.ErrnoException, options: { port: number; host?: string }): Error {
  const where = `${options.host ?? "all interfaces"} port ${options.port}`;
  const reasons: Record<string, string> = {
    EADDRINUSE: `Invalid environment: PORT ${options.port} is already in use on ${options.host ?? "this machine"} (another Cohort Bot?): stop it or choose another PORT`,
    EACCES: `Invalid environment: PORT ${options.port} needs more privileges than this user has: use a port above 1023`,
    EADDRNOTAVAIL: `Invalid environment: HOST ${options.host} is not an address of this machine`,
    ENOTFOUND: `Invalid environment: HOST ${options.host} is not a known host name`,
  };
  const reason = error.code ? reasons[error.code] : undefined;
  return reason
    ? new EnvError(reason)
    : Object.assign(new Error(`cannot listen on ${where}: ${error.message}`), { cause: error });
}
