import { DeliveryError } from "../../core/ports/chat-gateway.js";

/** Slack errors after which retrying the same send can never work: tell staff, stop trying. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "user_not_found",
  "cannot_dm_bot",
  "restricted_action",
  "team_access_not_granted",
  "missing_scope",
  "no_permission",
  "ekm_access_denied",
]);

type WebApiError = {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
};

/**
 * A WebClient failure → the outbox's DeliveryError. The SDK's error codes are compared as strings:
 * importing its ErrorCode enum is fragile under native ESM (see PLATFORM-NOTES).
 */
export function toDeliveryError(error: unknown): DeliveryError {
  const e = (error ?? {}) as WebApiError;
  switch (e.code) {
    case "slack_webapi_rate_limited_error":
      return new DeliveryError("ratelimited", {
        permanent: false,
        retryAfterMs: (e.retryAfter ?? 30) * 1000,
        cause: error,
      });
    case "slack_webapi_platform_error": {
      const reason = e.data?.error ?? "unknown_error";
      if (reason === "ratelimited")
        return new DeliveryError(reason, { permanent: false, retryAfterMs: 30_000, cause: error });
      return new DeliveryError(reason, { permanent: PERMANENT.has(reason), cause: error });
    }
    case "slack_webapi_http_error": {
      const status = e.statusCode ?? 0;
      // 403/404/410 mean the app or the conversation is gone; 5xx and anything odd are worth a retry.
      return new DeliveryError(`http_${status}`, { permanent: [403, 404, 410].includes(status), cause: error });
    }
    default:
      return new DeliveryError(`network: ${e.message ?? "request failed"}`, { permanent: false, cause: error });
  }
}
