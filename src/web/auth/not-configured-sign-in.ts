import { sendText } from "../../http/router.js";
import type { WebSignIn } from "../sign-in.js";
import { notConfiguredPage, sendPage } from "./sign-in-pages.js";

/**
 * With real Slack or Teams credentials but no sign-in method, nobody can be let in: every staff page sends
 * the browser to a page that says so and names the variables to set, rather than opening without a login.
 */
export function notConfiguredSignIn(): WebSignIn {
  return {
    routes: [
      {
        method: "GET",
        path: "/auth/sign-in",
        handler: (_req, res) => {
          const page = notConfiguredPage();
          sendPage(res, 503, page.title, page.body);
        },
      },
    ],
    viewer: async () => null,
    challenge(req, res) {
      if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(302, { location: "/auth/sign-in", "cache-control": "no-store" });
        res.end();
        return;
      }
      sendText(res, 401, "Staff sign-in is not configured on this server: see /auth/sign-in\n");
    },
    verifyCsrf: () => false,
  };
}
