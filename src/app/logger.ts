import pino from "pino";
import type { Logger } from "../core/ports/logger.js";

/** Paths pino blanks out wherever they appear in a log line: tokens, secrets, auth headers. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "x-slack-signature",
  "*.headers['x-slack-signature']",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "CLIENT_SECRET",
  "OPENAI_API_KEY",
  "SLACK_CLIENT_SECRET",
  "ENTRA_CLIENT_SECRET",
  "CHART_URL_SECRET",
  "*.SLACK_BOT_TOKEN",
  "*.SLACK_SIGNING_SECRET",
  "*.SLACK_APP_TOKEN",
  "*.CLIENT_SECRET",
  "*.OPENAI_API_KEY",
  "*.SLACK_CLIENT_SECRET",
  "*.ENTRA_CLIENT_SECRET",
  "*.CHART_URL_SECRET",
];

/** Token-shaped strings scrubbed from messages too (an error message can quote a token). */
const SECRET_PATTERN =
  /\b(xox[abprs]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|sk-[A-Za-z0-9_-]{8,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g;

export function scrubSecrets(text: string): string {
  return text.replace(SECRET_PATTERN, "[redacted]");
}

export function createLogger(
  options: { level?: string; destination?: pino.DestinationStream; name?: string } = {},
): Logger & pino.Logger {
  return pino(
    {
      name: options.name ?? "cohort-bot",
      level: options.level ?? "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: {
        log(object) {
          // Error messages and stacks can carry tokens quoted by an SDK; scrub them.
          const err = (object as { err?: { message?: string; stack?: string } }).err;
          if (err && typeof err === "object") {
            if (typeof err.message === "string") err.message = scrubSecrets(err.message);
            if (typeof err.stack === "string") err.stack = scrubSecrets(err.stack);
          }
          return object;
        },
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? scrubSecrets(a) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination ?? pino.destination(1),
  );
}
