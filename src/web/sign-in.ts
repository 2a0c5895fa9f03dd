import type { IncomingMessage, ServerResponse } from "node:http";
import type { Identity } from "../core/programme/resolve-actor.js";
import type { Route } from "../http/router.js";

/**
 * Who is looking at a staff page (/staff, /staff/teams/<key>): a platform identity the programme file
 * already knows (a Slack user id, a Teams AAD object id, or a playground person key). The pages map it
 * to a member and check the role on every request; the sign-in method only says who it is.
 */
export type WebViewer = {
  identity: Identity;
  /** How they proved it: OpenID Connect with Slack or Entra ID, or the loopback-only playground. */
  via: "slack" | "entra" | "playground";
  /** Sent back in every state-changing form as `_csrf`; bound to this session. */
  csrfToken: string;
};

/**
 * One way of signing in to the staff pages. The server uses exactly one: OpenID Connect when real
 * credentials are configured, the playground's "I am" (`?as=<person key>`) on loopback without them.
 */
export type WebSignIn = {
  /** Routes the method adds (sign-in, callbacks, sign-out). */
  routes: Route[];
  /** The viewer of this request, or null when nobody is signed in. */
  viewer(req: IncomingMessage, url: URL): Promise<WebViewer | null>;
  /** Answers a request that has no viewer: a redirect (302) to sign-in for a page, 401 otherwise. */
  challenge(req: IncomingMessage, res: ServerResponse, returnTo: string): void;
  /** True when a state-changing request carries the viewer's CSRF token. */
  verifyCsrf(viewer: WebViewer, token: string | undefined): boolean;
};
