import type { CoreDeps } from "../../deps.js";
import type { Team } from "../types.js";

const simplify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * The team someone means by "croydon", "Croydon Link Worker Hubs" or "tower-hamlets": its key, name or
 * borough, exactly or as the only team whose name starts with the words. Null when none or several fit.
 */
export async function findTeam(
  deps: Pick<CoreDeps, "programmes">,
  programmeId: string,
  words: string,
): Promise<Team | null> {
  const wanted = simplify(words);
  if (!wanted) return null;
  const teams = await deps.programmes.listTeams(programmeId);
  const exact = teams.filter((t) => [t.key, t.name, t.borough].some((x) => x && simplify(x) === wanted));
  if (exact.length === 1) return exact[0] ?? null;
  const starts = teams.filter((t) => [t.name, t.borough, t.key].some((x) => x && simplify(x).startsWith(wanted)));
  return starts.length === 1 ? (starts[0] ?? null) : null;
}

export async function teamNames(deps: Pick<CoreDeps, "programmes">, programmeId: string): Promise<string> {
  return (await deps.programmes.listTeams(programmeId)).map((t) => t.borough || t.name).join(", ");
}
