import type { Role } from "../../core/programme/types.js";

/**
 * The "Try:" chips under the composer, by who is using the playground: members send updates, staff
 * read the digest and the questions waiting for them. Every chip is a command the person may run.
 */
export function suggestionsFor(role: Role): string[] {
  const question = "How much grant does each team get?";
  if (role === "staff") return ["help", "status", "digest", "unanswered", question];
  if (role === "coach") return ["help", "next", question];
  return ["help", "next", "update", "status", question];
}
