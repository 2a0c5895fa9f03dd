import type { IncomingMessage } from "node:http";
import { type HTTPReceiver, isValidSlackRequest } from "@slack/bolt";
import type { Logger } from "../../core/ports/logger.js";
import { type Route, readRawBody, sendJson, sendText } from "../../http/router.js";
import { checkSlackRequest } from "./request-shape.js";

/** Slack's own payloads are a few kB; a modal with every field full stays far below this. */
const BODY_LIMIT = 1_000_000;

/**
 * POST /slack/events on our server: one URL for slash commands, interactivity and events. We read the
 * body, check Slack's signature (missing, bad or stale → 401, as Bolt would), then its shape
 * (request-shape.ts: anything this app does not handle → 400 and one log line), and only then hand the
 * already-read request to Bolt's receiver, which checks the signature again and answers through the
 * listeners. Bolt runs the request in a promise nobody awaits, so nothing it could throw on may reach it.
 */
export function slackEventsRoute(receiver: HTTPReceiver, options: { signingSecret: string; logger: Logger }): Route {
  const { logger } = options;
  return {
    method: "POST",
    path: "/slack/events",
    handler: async (req, res) => {
      const bytes = await readRawBody(req, BODY_LIMIT);
      // Bolt parses and verifies `rawBody.toString()`; so do we.
      const raw = bytes.toString("utf8");
      const contentType = req.headers["content-type"];
      const check = checkSlackRequest(raw, contentType);
      if (!(check.ok && check.kind === "ssl_check") && !isSigned(req, raw, options.signingSecret)) {
        res.writeHead(401, { "content-length": 0 });
        res.end();
        return;
      }
      if (!check.ok) {
        logger.warn({ reason: check.reason }, "Slack request refused (400)");
        sendText(res, 400, `Bad request: ${check.reason}\n`);
        return;
      }
      if (check.kind === "rate_limited") {
        logger.warn("Slack says this app's events are being rate limited (app_rate_limited)");
        sendJson(res, 200, {});
        return;
      }
      // Bolt reads the body from `rawBody` when it is already there (BufferedIncomingMessage).
      Object.assign(req, { rawBody: bytes });
      receiver.requestListener(req, res);
    },
  };
}

function isSigned(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers["x-slack-signature"];
  const timestamp = req.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") return false;
  try {
    return isValidSlackRequest({
      signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
    });
  } catch {
    return false;
  }
}
