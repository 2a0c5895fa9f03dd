import { DeliveryError } from "../../core/ports/chat-gateway.js";

/** Bot Connector error codes that mean "this conversation will never accept the bot's messages". */
const PERMANENT_CODES = [
  "BotNotInConversationRoster",
  "MessageWritesBlocked",
  "ConversationNotFound",
  "BotDisabledByAdmin",
  "ConversationBlockedByUser",
];

type HttpFailure = {
  response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
  code?: string;
  message?: string;
};

/**
 * Maps a failed send (an axios error from the SDK's HTTP client) to the outbox's DeliveryError:
 * 403, 404 and the roster/blocked codes are permanent (the outbox marks the target inactive and tells
 * staff); 429 carries Retry-After; 5xx, timeouts and network errors are temporary.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const failure = (error ?? {}) as HttpFailure;
  const status = failure.response?.status;
  const code = connectorCode(failure.response?.data);
  const detail = code ? `${status} ${code}` : String(status ?? failure.code ?? "network error");
  if (code && PERMANENT_CODES.includes(code)) {
    return new DeliveryError(`Teams refused the message (${detail}): the bot is not in this conversation any more`, {
      permanent: true,
      cause: error,
    });
  }
  if (status === 403 || status === 404) {
    return new DeliveryError(`Teams refused the message (${detail}): conversation gone or bot removed`, {
      permanent: true,
      cause: error,
    });
  }
  if (status === 429) {
    return new DeliveryError(`Teams rate limit (${detail})`, {
      permanent: false,
      retryAfterMs: retryAfterMs(failure.response?.headers),
      cause: error,
    });
  }
  return new DeliveryError(`Teams send failed (${detail})`, { permanent: false, cause: error });
}

function connectorCode(data: unknown): string | undefined {
  if (!data || typeof data !== "object") return undefined;
  const inner = (data as { error?: { code?: unknown } }).error;
  return typeof inner?.code === "string" ? inner.code : undefined;
}

/** Retry-After is seconds or an HTTP date; absent means "back off a little" (the outbox decides). */
function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
  const raw = headers?.["retry-after"];
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(raw));
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
