import cron from "node-cron";
import { z } from "zod";

/**
 * The value types the environment schema is built from. Empty strings count as unset; booleans are
 * parsed, not compared to "true" across the code; each refusal says what a good value looks like, and
 * never repeats the value itself (a URL can carry a password).
 */
export const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const optionalString = z.preprocess(emptyAsUndefined, z.string().trim().optional());

export const bool = z.preprocess(
  emptyAsUndefined,
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { message: "use true or false" })
    .transform((v) => v === "true" || v === "1" || v === "yes")
    .optional(),
);

/** An http(s) URL: `javascript:`, `file:` and friends are not places a server or a link should point. */
export function httpUrl(example: string) {
  const message = `must be an http:// or https:// URL like ${example}`;
  return z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .refine((value) => ["http:", "https:"].includes(parseUrl(value)?.protocol ?? ""), message)
      .optional(),
  );
}

const DATABASE_URL_FORMS =
  "must be unset (embedded database in ./data/db), pglite:memory, pglite:<folder> or postgres://user:password@host:5432/database";

/** DATABASE_URL: the forms src/db/database-url.ts understands, checked before anything opens. */
export const databaseUrl = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = databaseUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
);

function databaseUrlProblem(value: string): string | null {
  if (value === "pglite:memory" || value === "memory:") return null;
  if (value.startsWith("pglite:")) {
    return value.slice("pglite:".length).trim() === "" ? "pglite: needs a folder, e.g. pglite:./data/db" : null;
  }
  if (!/^postgres(ql)?:\/\//i.test(value)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    return `${DATABASE_URL_FORMS} (got ${scheme ? `a ${scheme}: URL` : "something that is not a URL"})`;
  }
  return parseUrl(value) ? null : `is not a valid postgres:// URL (check the host, the port and %-encode the password)`;
}

/** SCHEDULER_CRON: a node-cron expression (five fields, or six with leading seconds). */
export const cronExpression = z.preprocess(
  emptyAsUndefined,
  z
    .string()
    .trim()
    .refine(isCron, 'is not a cron expression: use five fields like "* * * * *" (every minute)')
    .optional(),
);

function isCron(value: string): boolean {
  try {
    return cron.validate(value);
  } catch {
    return false;
  }
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
