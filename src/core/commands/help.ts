import { isStaff } from "../programme/types.js";
import type { Command } from "./command.js";
import { privateReply } from "./reply.js";

/** Lists what the caller can do; staff also see staff commands. Wording shared by every platform. */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: "help",
    usage: "help",
    summary: "what I can do",
    async run({ actor }) {
      const staff = isStaff(actor);
      const visible = all().filter((c) => staff || !c.staffOnly);
      const lines = visible.map((c) => [{ code: c.usage }, ` — ${c.summary}${c.staffOnly ? " (staff)" : ""}`]);
      const who = actor.team ? `You're in *${actor.team.name}*.` : staff ? "You're programme staff." : "";
      return privateReply({
        summary: `Cohort Bot for ${actor.programme.name}: ask a question, see your next session, send your monthly update.`,
        blocks: [
          { type: "text", text: [`I help with the `, { bold: actor.programme.name }, `. ${who.replace(/\*/g, "")}`] },
          { type: "list", items: lines },
          {
            type: "context",
            text: "You can also just ask a question, e.g. “how much is the grant?”. If I don't know, I pass it to the programme team.",
          },
        ],
      });
    },
  };
}
