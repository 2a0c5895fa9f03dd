import { z } from "zod";

/**
 * Every environment variable the server reads, parsed once at start-up. Empty strings count as unset;
 * booleans are parsed, not compared to "true" across the code. A bad value stops start-up with one line
 * naming the variable (see formatEnvError).
 */
const emptyAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().optional());
const bool = z.preprocess(
  emptyAsUndefined,
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { message: "use true or false" })
    .transform((v) => v === "true" || v === "1" || v === "yes")
    .optional(),
);

/** The variables themselves; `envSchema` adds the rules that span several. */
export const envVariables = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: optionalString,
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  DATABASE_URL: optionalString,
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
  SLACK_API_URL: z.preprocess(emptyAsUndefined, z.string().url("must be a URL like https://slack.com/api/").optional()),
  CLIENT_ID: optionalString,
  CLIENT_SECRET: optionalString,
  TENANT_ID: optionalString,
  TEAMS_ALLOW_UNAUTHENTICATED: bool,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.string().url("must be a URL like https://api.openai.com/v1").optional(),
  ),
  OPENAI_MODEL: z.preprocess(emptyAsUndefined, z.string().default("gpt-4o-mini")),
  PLAYGROUND: bool,
  SCHEDULER: bool,
  /** When the reminders tick runs (node-cron; a sixth, leading field is seconds). Default every minute. */
  SCHEDULER_CRON: optionalString,
  /** How long a claimed outbox row is held before another dispatcher may take it (after a crash). */
  OUTBOX_LEASE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(15).max(3600).optional()),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.string().url("must be a URL like https://bot.example.org").optional()),
  /** Signs the digest's picture links (docs/STAFF.md); unset = derived from the platform secret. */
  CHART_URL_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, "must be at least 32 characters").optional()),
});

export const envSchema = envVariables.superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && env.TEAMS_ALLOW_UNAUTHENTICATED) {
    ctx.addIssue({
      code: "custom",
      path: ["TEAMS_ALLOW_UNAUTHENTICATED"],
      message: "is refused with NODE_ENV=production: set CLIENT_ID, CLIENT_SECRET and TENANT_ID instead",
    });
  }
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_SIGNING_SECRET"],
      message: "is required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)",
    });
  }
  const teams = [env.CLIENT_ID, env.CLIENT_SECRET, env.TENANT_ID].filter(Boolean).length;
  if (teams > 0 && teams < 3) {
    ctx.addIssue({
      code: "custom",
      path: [!env.CLIENT_ID ? "CLIENT_ID" : !env.CLIENT_SECRET ? "CLIENT_SECRET" : "TENANT_ID"],
      message: "Teams needs all three of CLIENT_ID, CLIENT_SECRET and TENANT_ID",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

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

/** Which platforms are configured, derived once. */
export function platformsConfigured(env: Env) {
  const slack = Boolean(env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN));
  const teamsAuth = Boolean(env.CLIENT_ID && env.CLIENT_SECRET && env.TENANT_ID);
  const teams = teamsAuth || Boolean(env.TEAMS_ALLOW_UNAUTHENTICATED);
  const hasCredentials = slack || teamsAuth;
  // The playground never runs in production with real credentials, whatever PLAYGROUND says.
  const playground =
    env.PLAYGROUND === false
      ? false
      : !(env.NODE_ENV === "production" && hasCredentials) && (env.PLAYGROUND === true || !hasCredentials);
  return { slack, teams, teamsAuth, playground };
}
