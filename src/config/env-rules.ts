import type { z } from "zod";
import type { Env } from "./env.js";
import { isLoopbackAddress, loginlessSurfaces, platformsConfigured, talksToRealSlack } from "./exposure.js";

type Issue = { path: keyof Env; message: string };

/**
 * Rules that span several variables. Each refusal is one line that says why and what to do instead:
 * the server and the CLI print it and stop before opening the database or binding a port.
 */
export function crossVariableIssues(env: Env): Issue[] {
  const issues: Issue[] = [];
  if (env.NODE_ENV === "production" && env.TEAMS_ALLOW_UNAUTHENTICATED) {
    issues.push({
      path: "TEAMS_ALLOW_UNAUTHENTICATED",
      message: "is refused with NODE_ENV=production: set CLIENT_ID, CLIENT_SECRET and TENANT_ID instead",
    });
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    issues.push({
      path: "SLACK_SIGNING_SECRET",
      message: "is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
    });
  }
  const teams = [env.CLIENT_ID, env.CLIENT_SECRET, env.TENANT_ID].filter(Boolean).length;
  if (teams > 0 && teams < 3) {
    issues.push({
      path: !env.CLIENT_ID ? "CLIENT_ID" : !env.CLIENT_SECRET ? "CLIENT_SECRET" : "TENANT_ID",
      message: "Teams needs all three of CLIENT_ID, CLIENT_SECRET and TENANT_ID",
    });
  }
  issues.push(...exposureIssues(env));
  return issues;
}

/** Nothing without a login faces the network, and the playground never acts in a real workspace. */
function exposureIssues(env: Env): Issue[] {
  const real = [talksToRealSlack(env) && "Slack", platformsConfigured(env).teamsAuth && "Teams"].filter(Boolean);
  if (env.PLAYGROUND === true && real.length > 0) {
    return [
      {
        path: "PLAYGROUND",
        message: `is refused with real ${real.join(" and ")} credentials: the playground has no login and would act as anyone in your real workspace. Remove PLAYGROUND (or set it to false) and try the playground in a separate copy without credentials (docs/PLAYGROUND.md)`,
      },
    ];
  }
  const loginless = loginlessSurfaces(env);
  if (env.HOST && !isLoopbackAddress(env.HOST) && loginless.length > 0) {
    return [
      {
        path: "HOST",
        message: `is ${env.HOST}, not a loopback address, while ${loginless.join(" and ")} ${loginless.length > 1 ? "are" : "is"} on: leave HOST unset (the server then binds 127.0.0.1) or turn that off`,
      },
    ];
  }
  return [];
}

export function addIssues(env: Env, ctx: z.RefinementCtx): void {
  for (const issue of crossVariableIssues(env)) {
    ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  }
}
