import { SUPPORT, type SupportType } from "../updates/update-form.js";
import type { TeamHistory } from "./programme-history.js";

export type Dated = { month: string; text: string };

/** What the end-of-programme report tells about one team, from its submitted updates. */
export type TeamStory = {
  pdsa: Dated[];
  wins: Dated[];
  /** Blockers a later update no longer listed, with the month they were last reported. */
  overcome: (Dated & { clearedBy: string })[];
  /** Blockers still listed in the team's latest update. */
  stillOpen: Dated[];
  support: (Dated & { kind: SupportType })[];
};

export function teamStory(history: TeamHistory): TeamStory {
  const submitted = history.months.filter((m) => m.state === "submitted");
  const story: TeamStory = { pdsa: [], wins: [], overcome: [], stillOpen: [], support: [] };
  submitted.forEach((m, i) => {
    const month = m.cycle.month;
    const d = m.data;
    if (d.pdsa) story.pdsa.push({ month, text: d.pdsa });
    if (d.wins) story.wins.push({ month, text: d.wins });
    if (d.support && d.support !== "none")
      story.support.push({
        month,
        kind: d.support,
        text: d.supportDetail ? `${SUPPORT[d.support]}: ${d.supportDetail}` : SUPPORT[d.support],
      });
    if (!d.blockers) return;
    // A blocker counts as overcome when the next update no longer repeats it word for word.
    const next = submitted[i + 1];
    if (!next) story.stillOpen.push({ month, text: d.blockers });
    else if (next.data.blockers !== d.blockers)
      story.overcome.push({ month, text: d.blockers, clearedBy: next.cycle.month });
  });
  return story;
}
