import { z } from "zod";
import { AppError } from "../errors.js";
import type { Actor, Team } from "../programme/types.js";

/** What the form carries between opening and submitting: which cycle, and the version it was opened at. */
export type UpdateFormContext = { cycleId: string; version: number };

const schema = z.object({ cycleId: z.string().min(1).max(100), version: z.number().int().min(0) });

export const encodeContext = (context: UpdateFormContext): string => JSON.stringify(context);

export function decodeContext(raw: string): UpdateFormContext {
  try {
    return schema.parse(JSON.parse(raw));
  } catch {
    throw new AppError("invalid_input", "This form is out of date. Please open it again with `update`.");
  }
}

/** Only members of a team have an update to fill in. */
export function requireTeam(actor: Actor): Team {
  if (actor.team) return actor.team;
  throw new AppError(
    "forbidden",
    actor.member.role === "staff"
      ? "Programme staff aren't in a project team, so there's no update for you to fill in. Use `digest` to see the teams' updates."
      : "You aren't in a project team yet, so there's no update to fill in. Ask the programme team to add you to your team.",
  );
}
