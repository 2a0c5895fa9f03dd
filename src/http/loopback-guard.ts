import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "./router.js";
import { sendText } from "./router.js";

/** `localhost`, `127.0.0.1` or `[::1]`, with an optional port; nothing before or after. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/**
 * True when the request names this machine in its Host header (`localhost`, `127.0.0.1` or `[::1]`,
 * any port). Pages without a login (the playground, its API, staff pages in playground mode,
 * unauthenticated Teams) answer only these: a page on a foreign name that resolves to 127.0.0.1
 * (DNS rebinding) is refused.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

/**
 * For a state-changing request: the Origin (when the browser sends one) must be a loopback page too,
 * so a page on another site cannot post to the playground from the user's browser. `Origin: null`
 * (sandboxed frames, file:// pages) is refused.
 */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHost(url.host);
  } catch {
    return false;
  }
}

export function isLoopbackRequest(req: IncomingMessage): boolean {
  return refusal(req) === null;
}

/** Why a request to a page without a login is refused, or null when it may be served. */
function refusal(req: IncomingMessage): { status: number; message: string } | null {
  if (!isLoopbackHost(req.headers.host)) {
    return {
      status: 421,
      message: "Misdirected request: this page answers only at localhost, 127.0.0.1 or [::1] (it has no login).",
    };
  }
  const safe = req.method === "GET" || req.method === "HEAD";
  const origin = req.headers.origin;
  if (!safe && !isLoopbackOrigin(Array.isArray(origin) ? origin[0] : origin)) {
    return { status: 403, message: "Cross-site request refused: it did not come from a page on this machine." };
  }
  return null;
}

/**
 * Sends the refusal (421 for a foreign Host, 403 for a foreign Origin, short plain text) and returns
 * true when the request must not be served; pages call it first.
 */
export function refuseUnlessLoopback(req: IncomingMessage, res: ServerResponse): boolean {
  const refused = refusal(req);
  if (!refused) return false;
  sendText(res, refused.status, `${refused.message}\n`);
  return true;
}

/** The same route, answering only loopback requests (see refuseUnlessLoopback). */
export function loopbackOnly(route: Route): Route {
  return {
    ...route,
    handler: (req, res) => (refuseUnlessLoopback(req, res) ? undefined : route.handler(req, res)),
  };
}

export function loopbackOnlyRoutes(routes: Route[]): Route[] {
  return routes.map(loopbackOnly);
}
