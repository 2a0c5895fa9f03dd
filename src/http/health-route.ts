import type { Route } from "./router.js";
import { sendJson } from "./router.js";

/** GET /healthz: 200 {"status":"ok"} when the database answers, 503 otherwise (load balancers, checks). */
export function healthRoute(ping: () => Promise<void>): Route {
  return {
    method: "GET",
    path: "/healthz",
    async handler(_req, res) {
      try {
        await ping();
        sendJson(res, 200, { status: "ok" });
      } catch {
        sendJson(res, 503, { status: "unavailable", reason: "database not answering" });
      }
    },
  };
}
