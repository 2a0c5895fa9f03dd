import { proRataShare } from "../programme/pro-rata.js";
import { RAG, type Rag, SUPPORT, type SupportType } from "../updates/update-form.js";
import { type ProgrammeHistory, programmeFraction, type TeamHistory } from "./programme-history.js";

export type CycleSubmissions = {
  month: string;
  onTime: number;
  late: number;
  missing: number;
  /** Not due yet (window open or not opened). */
  notDue: number;
};

/** Submissions per cycle: on time, late, missing (due date passed, nothing submitted), not due yet. */
export function submissionsPerCycle(history: ProgrammeHistory): CycleSubmissions[] {
  return history.cycles.map((cycle, i) => {
    const row: CycleSubmissions = { month: cycle.month, onTime: 0, late: 0, missing: 0, notDue: 0 };
    for (const t of history.teams) {
      const m = t.months[i];
      if (!m) continue;
      if (m.state === "submitted") m.late ? row.late++ : row.onTime++;
      else if (m.state === "missing") row.missing++;
      else row.notDue++;
    }
    return row;
  });
}

export type TeamSpend = {
  team: TeamHistory["team"];
  spent: number;
  award: number;
  expected: number;
  asOf: string | null;
};

/**
 * Grant spent to date per team (the latest total a team reported) against the pro-rata line (its award
 * times the share of the programme elapsed), and the programme total against its funding.
 */
export function spendToDate(history: ProgrammeHistory, options: { wholeProgramme?: boolean } = {}) {
  const fraction = programmeFraction(history.programme, history.now);
  const teams: TeamSpend[] = history.teams.map((t) => ({
    team: t.team,
    spent: t.latestSpend?.amount ?? 0,
    award: t.team.award,
    expected: proRataShare(t.team.award, history.programme, history.now),
    asOf: t.latestSpend?.month ?? null,
  }));
  const spent = teams.reduce((s, t) => s + t.spent, 0);
  const awarded = teams.reduce((s, t) => s + t.award, 0);
  // A coach's view covers some teams: their awards, not the programme's funding, are the total.
  const funding = options.wholeProgramme === false ? awarded : history.programme.totalFunding || awarded;
  return { teams, fraction, spent, awarded, funding, expected: proRataShare(funding, history.programme, history.now) };
}

export type PeopleMonth = { month: string; people: number; cumulative: number; reporting: number };

/** People supported per month (sum over submitted updates) and the running total. */
export function peoplePerMonth(history: ProgrammeHistory): PeopleMonth[] {
  let cumulative = 0;
  return history.cycles.map((cycle, i) => {
    let people = 0;
    let reporting = 0;
    for (const t of history.teams) {
      const m = t.months[i];
      if (m?.state !== "submitted") continue;
      people += m.data.people ?? 0;
      reporting++;
    }
    cumulative += people;
    return { month: cycle.month, people, cumulative, reporting };
  });
}

export type OpenItem = {
  team: TeamHistory["team"];
  kind: "support" | "blocker";
  /** The month of the team's latest submitted update, which still lists it. */
  month: string;
  /** The first month of the unbroken run of updates that listed it (the same words; the same kind of support). */
  since: string;
  rag: Rag | null;
  support?: SupportType;
  text: string;
  /** 0 = look first. */
  priority: number;
};

const RAG_RANK: Record<Rag, number> = { "off-track": 0, "at-risk": 1, "on-track": 2 };

/**
 * Open support requests and blockers: those in each team's latest submitted update (a request the next
 * update no longer lists counts as dealt with). Attention first: off track, then at risk, then the
 * longest open, support requests before blockers.
 */
export function openSupportAndBlockers(history: ProgrammeHistory): OpenItem[] {
  const items: OpenItem[] = [];
  for (const t of history.teams) {
    const submitted = t.months.filter((m) => m.state === "submitted");
    const latest = submitted.at(-1);
    if (!latest) continue;
    const rag = latest.data.rag ?? null;
    const runStart = (has: (d: (typeof submitted)[number]["data"]) => boolean) => {
      let since = latest.cycle.month;
      for (let i = submitted.length - 1; i >= 0 && has((submitted[i] as (typeof submitted)[number]).data); i--)
        since = (submitted[i] as (typeof submitted)[number]).cycle.month;
      return since;
    };
    const base = { team: t.team, month: latest.cycle.month, rag };
    const support = latest.data.support;
    if (support && support !== "none") {
      const since = runStart((d) => d.support === support);
      const detail = latest.data.supportDetail ? `: ${latest.data.supportDetail}` : "";
      items.push({ ...base, kind: "support", since, support, text: `${SUPPORT[support]}${detail}`, priority: 0 });
    }
    if (latest.data.blockers) {
      const since = runStart((d) => d.blockers === latest.data.blockers);
      items.push({ ...base, kind: "blocker", since, text: latest.data.blockers, priority: 0 });
    }
  }
  for (const item of items) item.priority = item.rag ? RAG_RANK[item.rag] : 3;
  return items.sort(
    (a, b) =>
      a.priority - b.priority ||
      a.since.localeCompare(b.since) ||
      (a.kind === b.kind ? 0 : a.kind === "support" ? -1 : 1) ||
      a.team.name.localeCompare(b.team.name),
  );
}

/** "On track" etc. for a RAG value; the letter for places where colour must not carry the meaning alone. */
export const RAG_LETTER: Record<Rag, string> = { "on-track": "G", "at-risk": "A", "off-track": "R" };
export const ragLabel = (rag: Rag) => RAG[rag];
