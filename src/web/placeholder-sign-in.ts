import { sendText } from "../http/router.js";
import type { WebSignIn } from "./sign-in.js";

/**
 * Stands in for OpenID Connect until it lands (src/web/auth/): with real credentials nobody is signed
 * in, so every staff page redirects to /auth/sign-in, which says sign-in is not available yet. Swapping
 * in the real method is one line in src/main.ts.
 */
export function createPlaceholderSignIn(): WebSignIn {
  return {
    routes: [
      {
        method: "GET",
        path: "/auth/sign-in",
        handler: (_req, res) =>
          sendText(
            res,
            503,
            "Signing in to the staff pages is not available on this server yet. Ask the programme team for the report instead.",
          ),
      },
    ],
    viewer: async () => null,
    challenge(req, res, returnTo) {
      if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(302, { location: `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}` });
        res.end();
        return;
      }
      sendText(res, 401, "Sign in first.");
    },
    verifyCsrf: () => false,
  };
}
