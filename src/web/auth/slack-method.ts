import type { Env } from "../../config/env.js";
import { type OidcMethod, stringClaim } from "./oidc-method.js";

export const SLACK_ISSUER = "https://slack.com";

/**
 * Sign in with Slack (OpenID Connect). The Slack user id, the id the programme file lists, comes in the
 * `https://slack.com/user_id` claim; `https://slack.com/team_id` is checked against SLACK_TEAM_ID when set.
 */
export function slackMethod(env: Env): OidcMethod | null {
  if (!env.SLACK_CLIENT_ID || !env.SLACK_CLIENT_SECRET) return null;
  const team = env.SLACK_TEAM_ID;
  return {
    id: "slack",
    label: "Sign in with Slack",
    issuer: new URL(env.SLACK_SIGN_IN_ISSUER ?? SLACK_ISSUER),
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    allowHttp: Boolean(env.SLACK_SIGN_IN_ISSUER),
    // `team` takes the person straight to the programme's workspace instead of a workspace picker.
    authorizationParams: team ? { team } : {},
    identify(claims) {
      const userId = stringClaim(claims, "https://slack.com/user_id");
      if (!userId) return { refused: "Slack did not say which Slack user signed in." };
      if (team && stringClaim(claims, "https://slack.com/team_id") !== team) {
        return { refused: "That Slack account is in another workspace. Sign in to the programme's Slack workspace." };
      }
      return { identity: { platform: "slack", externalId: userId, displayName: stringClaim(claims, "name") } };
    },
  };
}
