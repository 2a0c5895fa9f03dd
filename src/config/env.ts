import { z } from "zod";
import { addIssues } from "./env-rules.js";
import { bool, cronExpression, databaseUrl, emptyAsUndefined, httpUrl, optionalString } from "./env-values.js";
import { checkSignInEnv, signInVariables } from "./sign-in-env.js";

export { bindHost, loginlessSurfaces, platformsConfigured } from "./exposure.js";

/**
 * Every environment variable the server reads, parsed once at start-up. A bad value stops start-up with
 * one line naming the variable (see formatEnvError), before the database opens or a port is bound.
 */
export const envVariables = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  DATABASE_URL: databaseUrl,
  PROGRAMME_SEED: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().startsWith("xoxb-", "a Slack bot token starts with xoxb-").optional(),
  ),
  SLACK_APP_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().startsWith("xapp-", "a Slack app-level token starts with xapp-").optional(),
  ),
  SLACK_API_URL: httpUrl("https://slack.com/api/"),
  CLIENT_ID: optionalString,
  CLIENT_SECRET: optionalString,
  TENANT_ID: optionalString,
  TEAMS_ALLOW_UNAUTHENTICATED: bool,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: httpUrl("https://api.openai.com/v1"),
  OPENAI_MODEL: z.preprocess(emptyAsUndefined, z.string().default("gpt-4o-mini")),
  PLAYGROUND: bool,
  SCHEDULER: bool,
  /** When the reminders tick runs (node-cron; a sixth, leading field is seconds). Default every minute. */
  SCHEDULER_CRON: cronExpression,
  /** How long a claimed outbox row is held before another dispatcher may take it (after a crash). */
  OUTBOX_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(15).max(3600).optional()),
  PUBLIC_URL: httpUrl("https://bot.example.org"),
  /** A chat reply not ready this soon is acked first and sent when ready (src/platforms/reply-budget.ts). */
  REPLY_BUDGET_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(10).max(2_500).optional()),
  /** Chat requests the core may hold at once; beyond that the answer is "busy, try again in a minute". */
  MAX_REQUESTS_IN_FLIGHT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).optional()),
  /** Staff sign-in (OpenID Connect with Slack and/or Entra ID): src/config/sign-in-env.ts. */
  ...signInVariables,
  /** Signs the digest's picture links (docs/STAFF.md); unset = derived from the platform secret. */
  CHART_URL_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
});

/** The variables plus the rules that span several (env-rules.ts). */
export const envSchema = envVariables.superRefine((env, ctx) => {
  addIssues(env, ctx);
  checkSignInEnv(env, ctx);
});

export type Env = z.infer<typeof envVariables>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

/** Parses the environment or throws an EnvError whose message is one readable line per problem. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(formatEnvError(result.error));
}

export function formatEnvError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `Invalid environment: ${issue.path.join(".") || "(root)"} ${issue.message}`)
    .join("\n");
}
