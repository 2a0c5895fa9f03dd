import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/ports/logger.js";
import type { ProgrammeRepository } from "../../core/ports/programme-repository.js";
import { type CookieJar, clearCookie, readCookie, setCookie } from "./cookies.js";
import type { OidcClient } from "./oidc-client.js";
import type { OidcMethod } from "./oidc-method.js";
import { DEFAULT_RETURN_TO } from "./return-to.js";
import type { SessionStore } from "./session-store.js";
import { problemPage, sendPage } from "./sign-in-pages.js";

export type CallbackDeps = {
  jar: CookieJar;
  store: SessionStore;
  programmes: Pick<ProgrammeRepository, "findMembersByIdentity">;
  logger: Logger;
};

const PROVIDER = { slack: "Slack", entra: "Microsoft" } as const;

/**
 * GET /auth/<method>/callback: the provider sends the browser back here with a code. The sign-in in
 * progress (from the cookie, used once) must match; openid-client checks state, redeems the code with the
 * PKCE verifier and verifies the ID token and its nonce; the identity must be someone a programme lists.
 * Only then a new session (a new id, so a planted cookie cannot be fixed in place).
 */
export async function handleCallback(
  method: OidcMethod,
  client: OidcClient,
  deps: CallbackDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { jar, store, logger } = deps;
  const url = new URL(req.url ?? "/", "http://localhost");
  const provider = PROVIDER[method.id];
  const attemptToken = readCookie(req, jar.attemptName);
  clearCookie(res, jar, jar.attemptName);
  const attempt = attemptToken ? await store.takeAttempt(attemptToken) : null;
  const refuse = (status: number, message: string, returnTo = attempt?.returnTo ?? DEFAULT_RETURN_TO) => {
    const page = problemPage(message, returnTo);
    sendPage(res, status, page.title, page.body);
  };
  if (!attempt || attempt.method !== method.id) {
    logger.warn({ via: method.id }, "staff sign-in refused: no sign-in in progress for this browser");
    return refuse(400, "This sign-in link has expired or was already used, so you are not signed in.");
  }
  const providerError = url.searchParams.get("error");
  if (providerError) {
    logger.info({ via: method.id, error: providerError }, "staff sign-in ended at the provider");
    return refuse(400, `Signing in with ${provider} was cancelled or refused (${providerError}).`);
  }

  let claims: Record<string, unknown>;
  try {
    claims = await client.redeem(url.search, attempt);
  } catch (error) {
    // Codes and messages only (openid-client's say which check failed, never the values): no code, token or claim.
    const { code, message, error: oauthError, cause } = error as Error & { code?: string; error?: string };
    const detail = cause instanceof Error ? cause.message : undefined;
    logger.warn(
      { via: method.id, code, oauthError, reason: message, detail },
      "staff sign-in refused: the answer did not check out",
    );
    return refuse(400, `The answer from ${provider} did not check out, so you are not signed in.`);
  }

  const who = method.identify(claims);
  if ("refused" in who) {
    logger.warn({ via: method.id, reason: who.refused }, "staff sign-in refused");
    return refuse(403, who.refused);
  }
  const { identity } = who;
  const members = await deps.programmes.findMembersByIdentity(identity.platform, identity.externalId);
  if (members.length === 0) {
    logger.warn(
      { via: method.id, platform: identity.platform, userId: identity.externalId },
      "staff sign-in refused: not in any programme",
    );
    const idName = identity.platform === "slack" ? "Slack user id" : "Microsoft object id";
    return refuse(
      403,
      `No programme on this server lists this ${provider} account (${idName} ${identity.externalId}). Ask the programme team to add it to the programme file.`,
    );
  }

  const previous = readCookie(req, jar.sessionName);
  if (previous) await store.deleteSession(previous);
  setCookie(res, jar, jar.sessionName, await store.createSession({ via: method.id, identity }));
  logger.info({ via: method.id, platform: identity.platform, userId: identity.externalId }, "staff signed in");
  res.writeHead(303, { location: attempt.returnTo, "cache-control": "no-store" });
  res.end();
}
