import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/ports/logger.js";

/**
 * Bolt and the WebClient log through our structured (and secret-redacting) logger instead of
 * console. Bolt's debug chatter is demoted so request bodies never reach info-level logs.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: "slack" });
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(" ");
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.debug(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => {
      const err = msg.find((m) => m instanceof Error);
      log.error(err ? { err } : {}, text(msg.filter((m) => !(m instanceof Error))));
    },
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
