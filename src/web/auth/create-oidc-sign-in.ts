import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports/logger.js";
import type { ProgrammeRepository } from "../../core/ports/programme-repository.js";
import type { Route } from "../../http/router.js";
import { readBody, sendText } from "../../http/router.js";
import type { WebSignIn, WebViewer } from "../sign-in.js";
import { clearCookie, cookieJar, readCookie, setCookie } from "./cookies.js";
import { csrfMatches } from "./csrf.js";
import { handleCallback } from "./oidc-callback.js";
import { createOidcClient, type OidcClient } from "./oidc-client.js";
import type { OidcMethod } from "./oidc-method.js";
import { safeReturnTo } from "./return-to.js";
import { ATTEMPT_SECONDS, type SessionStore } from "./session-store.js";
import { problemPage, sendPage, signInPage } from "./sign-in-pages.js";
import { signOutForm } from "./sign-out-form.js";

export type OidcSignInOptions = {
  /** The configured providers (Sign in with Slack, Entra ID); at least one. */
  methods: OidcMethod[];
  /** PUBLIC_URL: redirect URIs hang off it, and https here makes the cookies Secure. */
  publicUrl: string;
  store: SessionStore;
  programmes: Pick<ProgrammeRepository, "findMembersByIdentity">;
  logger: Logger;
};

const SIGN_IN_PATH = "/auth/sign-in";

/**
 * Staff sign-in with OpenID Connect: /auth/sign-in lists the methods, /auth/<method>/start and /callback run
 * the authorization code flow, POST /auth/sign-out ends the session. See docs/STAFF-SIGN-IN.md.
 */
export function createOidcSignIn(options: OidcSignInOptions): WebSignIn {
  const { methods, store, logger } = options;
  const jar = cookieJar(options.publicUrl);
  const providers = methods.map((method) => ({ method, client: createOidcClient(method, options.publicUrl) }));
  const callbackDeps = { jar, store, programmes: options.programmes, logger };

  const viewer = async (req: IncomingMessage): Promise<WebViewer | null> => {
    const token = readCookie(req, jar.sessionName);
    const session = token ? await store.findSession(token) : null;
    return session && { identity: session.identity, via: session.via, csrfToken: session.csrfToken };
  };

  const query = (req: IncomingMessage) => new URL(req.url ?? "/", "http://localhost").searchParams;

  const showSignIn = async (req: IncomingMessage, res: ServerResponse) => {
    const params = query(req);
    const current = await viewer(req);
    const page = signInPage({
      methods,
      returnTo: safeReturnTo(params.get("returnTo")),
      signedOut: params.has("signedOut"),
    });
    sendPage(res, 200, page.title, current ? `${signOutForm(current)}${page.body}` : page.body);
  };

  const start = (method: OidcMethod, client: OidcClient) => async (req: IncomingMessage, res: ServerResponse) => {
    const returnTo = safeReturnTo(query(req).get("returnTo"));
    let begun: Awaited<ReturnType<OidcClient["begin"]>>;
    try {
      begun = await client.begin();
    } catch (error) {
      logger.warn({ via: method.id, reason: (error as Error).message }, "staff sign-in: provider discovery failed");
      const page = problemPage(`${method.label} is not reachable right now. Try again in a minute.`, returnTo);
      return sendPage(res, 502, page.title, page.body);
    }
    const token = await store.createAttempt({ method: method.id, returnTo, ...begun.secrets });
    setCookie(res, jar, jar.attemptName, token, ATTEMPT_SECONDS);
    res.writeHead(302, { location: begun.url.href, "cache-control": "no-store" });
    res.end();
  };

  const signOut = async (req: IncomingMessage, res: ServerResponse) => {
    const token = readCookie(req, jar.sessionName);
    const current = await viewer(req);
    const csrf = new URLSearchParams(await readBody(req, 10_000)).get("_csrf") ?? undefined;
    if (current && !csrfMatches(current.csrfToken, csrf)) {
      const message = "That sign-out form was out of date. Reload the page and sign out again.";
      return sendPage(res, 403, "Sign-out refused", `<p role="alert">${message}</p>`);
    }
    if (token) await store.deleteSession(token);
    clearCookie(res, jar, jar.sessionName);
    if (current)
      logger.info(
        { via: current.via, platform: current.identity.platform, userId: current.identity.externalId },
        "staff signed out",
      );
    res.writeHead(303, { location: `${SIGN_IN_PATH}?signedOut=1`, "cache-control": "no-store" });
    res.end();
  };

  const routes: Route[] = [
    { method: "GET", path: SIGN_IN_PATH, handler: showSignIn },
    { method: "POST", path: "/auth/sign-out", handler: signOut },
    ...providers.flatMap(({ method, client }): Route[] => [
      { method: "GET", path: `/auth/${method.id}/start`, handler: start(method, client) },
      {
        method: "GET",
        path: `/auth/${method.id}/callback`,
        handler: (req, res) => handleCallback(method, client, callbackDeps, req, res),
      },
    ]),
  ];

  return {
    routes,
    viewer,
    challenge(req, res, returnTo) {
      // A cookie for a session that has ended is dropped, so the browser stops sending it.
      if (readCookie(req, jar.sessionName)) clearCookie(res, jar, jar.sessionName);
      if (req.method === "GET" || req.method === "HEAD") {
        res.writeHead(302, {
          location: `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`,
          "cache-control": "no-store",
        });
        res.end();
        return;
      }
      sendText(res, 401, `Sign in first: ${SIGN_IN_PATH}\n`);
    },
    verifyCsrf: (current, token) => csrfMatches(current.csrfToken, token),
  };
}
