import type { Programme } from "../programme/types.js";

/**
 * Who may use a programme's FAQ (`programme.faqAudience` in the programme file). Programme facts are
 * public by default — the call for applications went to people who were not members yet — so anyone in
 * the workspace may ask; "members" keeps the FAQ to people in the programme.
 */
export type FaqAudience = "everyone" | "members";

export function faqAudience(programme: Programme): FaqAudience {
  return programme.settings.faqAudience === "members" ? "members" : "everyone";
}

export function membersOnlyText(programme: Programme): string {
  return `The ${programme.name} FAQ is only for people in the programme, and I don't know which team you're in yet. Ask the programme team to add you, or type \`join\` followed by your team's name and they'll approve it.`;
}
