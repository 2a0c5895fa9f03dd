import type { HTTPReceiver } from "@slack/bolt";
import type { Route } from "../../http/router.js";

/**
 * POST /slack/events on our server, handed to Bolt's receiver: one URL for slash commands,
 * interactivity and events. The receiver verifies the signature and writes the response itself.
 */
export function slackEventsRoute(receiver: HTTPReceiver): Route {
  return {
    method: "POST",
    path: "/slack/events",
    handler: (req, res) => {
      receiver.requestListener(req, res);
    },
  };
}
