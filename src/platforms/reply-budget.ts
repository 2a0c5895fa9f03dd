import type { Env } from "../config/env.js";
import type { Logger } from "../core/ports/logger.js";

/**
 * How long a chat request may hold its HTTP answer, and how many may be in the core at once. Shared by
 * the Slack and Teams adapters (one per server, so both platforms draw on the same capacity).
 *
 * Slack shows an error when the ack takes longer than 3 s, and Teams redelivers an activity it thinks
 * timed out; a slow database must never cause either. So a reply that is not ready within `budgetMs`
 * is acked at once and delivered later (Slack's response_url, the Teams connector). And when `maxInFlight`
 * requests are already waiting on the core (a database that is slow or gone), a new one is told
 * "busy, try again in a minute" straight away instead of joining a queue it would time out in.
 */
export type ReplyBudget = {
  /** A reply not ready this soon is acked first and delivered when ready. */
  readonly budgetMs: number;
  /** Requests in the core right now. */
  inFlight(): number;
  /**
   * Runs `work` if there is room (counted until it settles), or returns null when the server is busy:
   * the caller answers with BUSY_REPLY and does not touch the database.
   */
  admit<T>(work: () => Promise<T>): Promise<T> | null;
};

export const DEFAULT_REPLY_BUDGET_MS = 1_500;
/** Far above what a healthy server holds at once (a few at 500 requests/s); reached only when the core stalls. */
export const DEFAULT_MAX_IN_FLIGHT = 200;

/** What a person sees when the server sheds load. No database is touched to say it. */
export const BUSY_REPLY = "I'm busy right now and could not get to that. Please try again in a minute.";

/** One warning per this many ms while shedding, with the count: a burst must not flood the log. */
const SHED_LOG_EVERY_MS = 10_000;

export function createReplyBudget(
  options: { budgetMs?: number; maxInFlight?: number; logger?: Pick<Logger, "warn"> } = {},
): ReplyBudget {
  const budgetMs = options.budgetMs ?? DEFAULT_REPLY_BUDGET_MS;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  let inFlight = 0;
  let shed = 0;
  let loggedAt = Number.NEGATIVE_INFINITY;
  return {
    budgetMs,
    inFlight: () => inFlight,
    admit(work) {
      if (inFlight >= maxInFlight) {
        shed++;
        const now = performance.now();
        if (now - loggedAt >= SHED_LOG_EVERY_MS) {
          options.logger?.warn({ inFlight, shed }, "busy: chat requests answered 'try again in a minute'");
          loggedAt = now;
          shed = 0;
        }
        return null;
      }
      inFlight++;
      let running: Promise<never> | ReturnType<typeof work>;
      try {
        running = work();
      } catch (error) {
        running = Promise.reject(error);
      }
      return running.finally(() => {
        inFlight--;
      });
    },
  };
}

export function replyBudgetFromEnv(env: Env, logger: Pick<Logger, "warn">): ReplyBudget {
  return createReplyBudget({ budgetMs: env.REPLY_BUDGET_MS, maxInFlight: env.MAX_REQUESTS_IN_FLIGHT, logger });
}

/** Resolves with the value, or with undefined once `ms` have passed (the work carries on). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
