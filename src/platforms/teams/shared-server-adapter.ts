import type { HttpRouteHandler, IHttpServerAdapter } from "@microsoft/teams.apps";
import type { Logger } from "../../core/ports/logger.js";
import type { Route } from "../../http/router.js";
import { readBody, sendJson } from "../../http/router.js";
import { activityProblem } from "./activity-shape.js";

/**
 * Lets the Teams SDK serve POST /api/messages on our own HTTP server instead of starting Express on a
 * second port. The SDK registers its messaging handler here (JWT check + activity routing); `route()`
 * hands it our requests as `{ body, headers }` and writes back its `{ status, body }`.
 */
export class SharedServerAdapter implements IHttpServerAdapter {
  private handler?: HttpRouteHandler;

  constructor(private readonly logger?: Logger) {}

  registerRoute(_method: "POST", _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }

  route(path: string): Route {
    return {
      method: "POST",
      path,
      handler: async (req, res) => {
        if (!this.handler) {
          sendJson(res, 503, { error: "teams_not_ready" });
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req));
        } catch {
          sendJson(res, 400, { error: "invalid_json" });
          return;
        }
        const problem = activityProblem(body);
        if (problem) {
          this.logger?.warn({ reason: problem }, "Teams activity refused (400)");
          sendJson(res, 400, { error: "invalid_activity", reason: problem });
          return;
        }
        const result = await this.handler({ body, headers: req.headers as Record<string, string | string[]> });
        if (result.body === undefined || result.body === null) {
          res.writeHead(result.status, { "content-length": 0 });
          res.end();
        } else sendJson(res, result.status, result.body);
      },
    };
  }
}
