import type { Env } from "./env.js";

/** Which platforms are configured, derived once. */
export function platformsConfigured(env: Env) {
  const slack = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  const teamsAuth = Boolean(env.CLIENT_ID && env.CLIENT_SECRET && env.TENANT_ID);
  const teams = teamsAuth || Boolean(env.TEAMS_ALLOW_UNAUTHENTICATED);
  const hasCredentials = slack || teamsAuth;
  // The playground never runs in production with credentials, whatever PLAYGROUND says (with real ones,
  // PLAYGROUND=true is refused outright: see env-rules.ts).
  const playground =
    env.PLAYGROUND === false
      ? false
      : !(env.NODE_ENV === "production" && hasCredentials) && (env.PLAYGROUND === true || !hasCredentials);
  return { slack, teams, teamsAuth, playground };
}

/**
 * Slack credentials that reach a real workspace: Slack's own Web API, GovSlack, anything but a Web API on
 * this machine (the local fake Slack that tests and contract checks point SLACK_API_URL at).
 */
export function talksToRealSlack(env: Env): boolean {
  if (!platformsConfigured(env).slack) return false;
  if (!env.SLACK_API_URL) return true;
  try {
    return !isLoopbackAddress(new URL(env.SLACK_API_URL).hostname);
  } catch {
    return true;
  }
}

/** What this server would answer without a login: each must be reachable from this machine only. */
export function loginlessSurfaces(env: Env): string[] {
  const enabled = platformsConfigured(env);
  const surfaces: string[] = [];
  if (enabled.playground) surfaces.push("the playground (no login)");
  if (enabled.teams && !enabled.teamsAuth) surfaces.push("TEAMS_ALLOW_UNAUTHENTICATED=true (no login)");
  return surfaces;
}

/**
 * The interface to listen on: HOST when set; loopback whenever something without a login is served
 * (env-rules.ts refuses a non-loopback HOST then); otherwise every interface, for Slack and Teams.
 */
export function bindHost(env: Env): string | undefined {
  return env.HOST ?? (loginlessSurfaces(env).length > 0 ? "127.0.0.1" : undefined);
}

/** `localhost`, 127.0.0.0/8 and ::1 (with or without brackets): addresses only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name === "::1" || name === "0:0:0:0:0:0:0:1") return true;
  const v4 = name.replace(/^::ffff:/, "");
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
