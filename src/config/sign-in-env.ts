import { z } from "zod";
import { emptyAsUndefined, optionalString } from "./env-values.js";

/**
 * Staff sign-in (OpenID Connect) variables, kept apart from env.ts so the rules that span them live in one
 * place. env.ts spreads `signInVariables` into its schema and calls `checkSignInEnv` from its refinement.
 * See docs/STAFF-SIGN-IN.md.
 */
const optionalUrl = z.preprocess(emptyAsUndefined, z.string().url("must be a URL").optional());

export const signInVariables = {
  /** Sign in with Slack: the Slack app's client id and secret (Basic Information → App Credentials). */
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  /** The workspace (T…) whose people may sign in; checked against the `https://slack.com/team_id` claim. */
  SLACK_TEAM_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^[TE][A-Z0-9]+$/, "must be a Slack workspace id like T0123ABCD")
      .optional(),
  ),
  /** Sign in with Microsoft Entra ID: an app registration of its own (a web redirect URI, a client secret). */
  ENTRA_CLIENT_ID: optionalString,
  ENTRA_CLIENT_SECRET: optionalString,
  /** The directory (tenant) id whose people may sign in; defaults to TENANT_ID (the Teams bot's tenant). */
  ENTRA_TENANT_ID: optionalString,
  /** Tests only: another OpenID provider in place of https://slack.com / Entra ID. Refused in production. */
  SLACK_SIGN_IN_ISSUER: optionalUrl,
  ENTRA_SIGN_IN_ISSUER: optionalUrl,
};

type SignInEnv = { [K in keyof typeof signInVariables]?: string | undefined } & {
  NODE_ENV: string;
  PUBLIC_URL?: string | undefined;
  TENANT_ID?: string | undefined;
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds one issue per mistake in the sign-in settings (a half-set pair, no PUBLIC_URL, a test issuer in production). */
export function checkSignInEnv(env: SignInEnv, ctx: z.RefinementCtx): void {
  const issue = (variable: string, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });
  const pair = (id: keyof SignInEnv, secret: keyof SignInEnv, label: string) => {
    if (env[id] && env[secret]) return true;
    if (env[id] || env[secret]) issue(env[id] ? secret : id, `${label} needs both ${id} and ${secret}`);
    return false;
  };
  const slack = pair("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "Sign in with Slack");
  const entra = pair("ENTRA_CLIENT_ID", "ENTRA_CLIENT_SECRET", "Sign in with Entra ID");
  if (entra) {
    const tenant = env.ENTRA_TENANT_ID ?? env.TENANT_ID;
    if (!tenant) issue("ENTRA_TENANT_ID", "is required for Sign in with Entra ID (or set TENANT_ID)");
    else if (!GUID.test(tenant)) {
      issue(env.ENTRA_TENANT_ID ? "ENTRA_TENANT_ID" : "TENANT_ID", "must be the directory (tenant) id, a GUID");
    }
  }
  if ((slack || entra) && !env.PUBLIC_URL) {
    issue("PUBLIC_URL", "is required for staff sign-in: set it to this server's public https URL");
  }
  const production = env.NODE_ENV === "production";
  if ((slack || entra) && production && env.PUBLIC_URL && !env.PUBLIC_URL.startsWith("https://")) {
    issue("PUBLIC_URL", "must start with https:// for staff sign-in with NODE_ENV=production");
  }
  for (const variable of ["SLACK_SIGN_IN_ISSUER", "ENTRA_SIGN_IN_ISSUER"] as const) {
    if (production && env[variable]) issue(variable, "is for tests only and refused with NODE_ENV=production");
  }
}
