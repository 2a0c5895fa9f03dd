import type { Programme } from "./types.js";

/**
 * How far through the programme `at` is, 0 to 1, counting the last day in full: the pro-rata line for
 * spend (a team half-way through should have spent about half its grant).
 */
export function programmeFraction(programme: Pick<Programme, "startsOn" | "endsOn">, at: Date): number {
  const start = programme.startsOn.getTime();
  const end = programme.endsOn.getTime() + 86_400_000;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (at.getTime() - start) / (end - start)));
}

/**
 * The one pro-rata figure: `amount` (an award, or the funding) times the share of the programme passed at
 * `at`, in whole pounds. The update form's warning, the staff overview and a team's spend chart all use
 * it, so a team warned in the form is the team the staff pages show above the line (before, the form
 * counted months — 1 of 6 — and the pages counted days, and the two disagreed by a few pounds).
 */
export function proRataShare(amount: number, programme: Pick<Programme, "startsOn" | "endsOn">, at: Date): number {
  return Math.round(amount * programmeFraction(programme, at));
}
