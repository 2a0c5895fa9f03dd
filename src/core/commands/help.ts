import type { Inline } from "../messages/message.js";
import { notMemberText } from "../programme/not-member.js";
import type { Command } from "./command.js";
import { privateReply } from "./reply.js";

/**
 * Lists what the caller can do, in wording shared by every platform: staff also see staff commands;
 * someone in no team sees what is open to them and how to join. Placeholders in a usage (`<question>`)
 * are shown in italics, without angle brackets: Teams' web font has no glyph for the look-alike
 * characters its escaping needs, so they showed as empty boxes.
 */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: "help",
    usage: "help",
    summary: "what I can do",
    audience: "everyone",
    async run({ caller }) {
      const { actor, programme } = caller;
      const staff = actor?.member.role === "staff";
      const visible = all().filter((c) => (actor ? staff || !c.staffOnly : c.audience === "everyone"));
      const lines = visible.map((c) => [...usageParts(c.usage), ` — ${c.summary}${c.staffOnly ? " (staff)" : ""}`]);
      const who = actor?.team ? `You're in ${actor.team.name}.` : staff ? "You're programme staff." : "";
      const blocks = [
        { type: "text" as const, text: [`I help with the `, { bold: programme.name }, `. ${who}`] },
        { type: "list" as const, items: lines },
        {
          type: "context" as const,
          text: "You can also just ask a question, e.g. “how much is the grant?”. If I don't know, I pass it to the programme team.",
        },
      ];
      if (!actor) blocks.push({ type: "context", text: notMemberText() });
      return privateReply({
        summary: `Cohort Bot for ${programme.name}: ask a question, see your next session, send your monthly update.`,
        blocks,
      });
    },
  };
}

/** "ask <question>" → `ask` + italic "question"; literal words stay code, grouped. */
export function usageParts(usage: string): Inline[] {
  const segments: Inline[] = [];
  let literal: string[] = [];
  const flush = () => {
    if (literal.length) segments.push({ code: literal.join(" ") });
    literal = [];
  };
  for (const token of usage.split(/\s+/).filter(Boolean)) {
    const placeholder = /^<([^<>]+)>$/.exec(token);
    if (placeholder) {
      flush();
      segments.push({ italic: placeholder[1] ?? "" });
    } else literal.push(token);
  }
  flush();
  return segments.flatMap((segment, i) => (i === 0 ? [segment] : [" ", segment]));
}
