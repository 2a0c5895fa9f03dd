import { type Env, platformsConfigured } from "../../config/env.js";
import type { CoreDeps } from "../../core/deps.js";
import { systemClock } from "../../core/ports/clock.js";
import type { Logger } from "../../core/ports/logger.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { WebSignIn } from "../sign-in.js";
import { createOidcSignIn } from "./create-oidc-sign-in.js";
import { entraMethod } from "./entra-method.js";
import { notConfiguredSignIn } from "./not-configured-sign-in.js";
import { redirectUriFor } from "./oidc-client.js";
import type { OidcMethod } from "./oidc-method.js";
import { createSessionStore } from "./session-store.js";
import { slackMethod } from "./slack-method.js";

export function signInMethods(env: Env): OidcMethod[] {
  return [slackMethod(env), entraMethod(env)].filter((m): m is OidcMethod => m !== null);
}

/**
 * The staff pages' sign-in for this server (one call from main.ts):
 * - a method configured (SLACK_CLIENT_ID…, ENTRA_CLIENT_ID…) → OpenID Connect sign-in;
 * - none, but real Slack or Teams credentials → a sign-in that lets nobody in and says what to set;
 * - none and no credentials → null: the playground's "I am" sign-in applies (loopback only).
 * Sessions follow the system clock, never the playground's movable one.
 */
export function createStaffSignIn(options: {
  env: Env;
  db: { prisma: PrismaClient };
  deps: Pick<CoreDeps, "programmes">;
  logger: Logger;
}): WebSignIn | null {
  const { env, logger } = options;
  const methods = signInMethods(env);
  if (methods.length === 0) {
    const { slack, teamsAuth } = platformsConfigured(env);
    if (!slack && !teamsAuth) return null;
    logger.warn("staff sign-in is not configured: /staff stays closed (see docs/STAFF-SIGN-IN.md)");
    return notConfiguredSignIn();
  }
  // env requires PUBLIC_URL whenever a method is configured.
  const publicUrl = env.PUBLIC_URL as string;
  logger.info(
    { methods: methods.map((m) => m.id), redirectUris: methods.map((m) => redirectUriFor(m, publicUrl)) },
    "staff sign-in ready",
  );
  if (methods.some((m) => m.id === "slack") && !env.SLACK_TEAM_ID) {
    logger.warn("SLACK_TEAM_ID is not set: people from any Slack workspace can try Sign in with Slack");
  }
  return createOidcSignIn({
    methods,
    publicUrl,
    store: createSessionStore(options.db.prisma, systemClock),
    programmes: options.deps.programmes,
    logger,
  });
}
