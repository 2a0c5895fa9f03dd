import type { CoreDeps } from "../deps.js";
import type { SendTiming } from "../outbox/send-timing.js";
import type { Programme } from "../programme/types.js";
import { isAllowedTime, type SendingRules, toLocal } from "./allowed-time.js";
import { parseReminderPolicy } from "./reminder-policy.js";
import { firstAllowedFrom } from "./send-when-allowed.js";

type Rules = { rules: SendingRules; timeZone: string };

/**
 * The outbox's sending times from each programme's reminder policy (quiet hours, weekends, bank
 * holidays, in the programme's zone), for the programmes the tick has just listed. Build one per tick.
 */
export function programmeSendTiming(deps: Pick<CoreDeps, "programmes">, programmes: Programme[]): SendTiming {
  const cache = new Map<string, Promise<Rules | null>>();
  const rulesOf = (programmeId: string) => {
    let found = cache.get(programmeId);
    if (!found) {
      const listed = programmes.find((p) => p.id === programmeId);
      found = (listed ? Promise.resolve(listed) : deps.programmes.getProgramme(programmeId)).then((p) =>
        p ? { rules: parseReminderPolicy(p.settings), timeZone: p.timeZone } : null,
      );
      cache.set(programmeId, found);
    }
    return found;
  };
  return {
    async openProgrammes(now) {
      const open = programmes.filter((p) => isAllowedTime(toLocal(now, p.timeZone), parseReminderPolicy(p.settings)));
      return open.length === programmes.length ? "all" : open.map((p) => p.id);
    },
    async firstAllowedFrom(programmeId, at) {
      const found = await rulesOf(programmeId);
      return found ? firstAllowedFrom(at, found.rules, found.timeZone) : at;
    },
  };
}
