/**
 * The one error type the core throws on purpose. `code` is for programs and tests, `message` for
 * developers and logs, `userMessage` is safe to show in chat. Each platform turns an AppError into
 * a reply in exactly one place; anything else becomes a generic apology (never a stack trace).
 */
export type AppErrorCode =
  | "not_a_member"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "locked"
  | "conflict"
  | "unavailable"
  | "rate_limited";

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: AppErrorCode,
    userMessage: string,
    options: { message?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What a user sees when something unexpected breaks. */
export const GENERIC_FAILURE =
  "Sorry, something went wrong on our side. Please try again in a minute; if it keeps happening, tell the programme team.";
