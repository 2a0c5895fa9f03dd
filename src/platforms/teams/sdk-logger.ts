import type { ILogger, LogLevel } from "@microsoft/teams.common";
import type { Logger } from "../../core/ports/logger.js";

/**
 * The SDK logs through this instead of its ConsoleLogger, so its lines reach pino (with redaction) and
 * tests stay quiet. Its info chatter is demoted to debug; warnings and errors keep their level.
 */
export function sdkLogger(logger: Logger, name = "teams-sdk"): ILogger {
  const child = logger.child({ component: name });
  const line = (msg: unknown[]) => msg.map((m) => (typeof m === "string" ? m : safeJson(m))).join(" ");
  const self: ILogger = {
    debug: (...msg) => child.debug(line(msg)),
    trace: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.debug(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => {
      const err = msg.find((m) => m instanceof Error);
      child.error(err ? { err } : {}, line(msg.filter((m) => !(m instanceof Error))));
    },
    log: (level: LogLevel, ...msg) =>
      level === "error" ? self.error(...msg) : level === "warn" ? self.warn(...msg) : self.debug(...msg),
    child: (childName: string) => sdkLogger(logger, `${name}/${childName}`),
  };
  return self;
}

function safeJson(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    // Activities can be long; a log line does not need all of it.
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
