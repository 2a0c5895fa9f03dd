import http from "node:http";
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
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = matchRoute(options.routes(), req.method ?? "GET", url.pathname);
    if (!route) {
      sendJson(res, 404, { error: "not_found" });
      return;
    }
    try {
      await route.handler(req, res);
    } catch (error) {
      options.logger.error({ err: error, path: url.pathname }, "request failed");
      if (!res.headersSent) sendJson(res, (error as { status?: number }).status ?? 500, { error: "internal_error" });
      else res.end();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
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
