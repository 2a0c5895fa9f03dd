import type { Clock } from "../ports/clock.js";
import type { ProgrammeRepository } from "../ports/programme-repository.js";
import type { Conversation } from "./resolve-actor.js";
import type { Programme } from "./types.js";

const DAY_MS = 86_400_000;

/**
 * Which programme answers a request when several could: the one that owns the conversation (its team or
 * staff channel), else one running today, else the newest. A person in two programmes, and someone in
 * none asking a question, are both answered by this rule, so the same channel always gets the same
 * programme's FAQ. Returns null only when there is no candidate at all.
 */
export async function chooseProgramme(
  deps: { programmes: Pick<ProgrammeRepository, "findChannels" | "listProgrammes">; clock: Clock },
  options: { among?: string[]; conversation?: Conversation },
): Promise<Programme | null> {
  const all = await deps.programmes.listProgrammes();
  const candidates = options.among ? all.filter((p) => options.among?.includes(p.id)) : all;
  if (candidates.length <= 1) return candidates[0] ?? null;
  const { conversation } = options;
  if (conversation) {
    const owners = new Set(
      (await deps.programmes.findChannels(conversation.platform, conversation.externalId)).map((c) => c.programmeId),
    );
    const owner = candidates.find((p) => owners.has(p.id));
    if (owner) return owner;
  }
  const now = deps.clock.now().getTime();
  const running = candidates.filter((p) => p.startsOn.getTime() <= now && now <= p.endsOn.getTime() + DAY_MS);
  // listProgrammes is oldest first; among several running ones, prefer the one that started last.
  return running.at(-1) ?? newest(candidates);
}

function newest(programmes: Programme[]): Programme | null {
  return [...programmes].sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime())[0] ?? null;
}
