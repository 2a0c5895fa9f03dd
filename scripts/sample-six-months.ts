/**
 * SAMPLE DATA: six invented months (October 2022 – March 2023) of updates for the seeded SP Innovators
 * teams, for the staff pages, the end-of-programme report and their screenshots. October and November
 * are scripts/sample-updates.ts (the digest's data), then each team's QI lead adds the month's measure
 * to those updates (a second saved version, by another member); December to March follow below, with a
 * missed month, late updates, support requests and blockers that clear, and measures whose run charts
 * show a trend.
 */
import type { CoreDeps } from "../src/core/deps.js";
import type { Rag, SupportType, UpdateData } from "../src/core/updates/update-form.js";
import { fillSampleUpdates } from "./sample-updates.js";

type Month = "2022-10" | "2022-11" | "2022-12" | "2023-01" | "2023-02" | "2023-03";
const LATER: Month[] = ["2022-12", "2023-01", "2023-02", "2023-03"];

type Plan = {
  measure: string;
  /** One value per month, October first; null = not measured that month. */
  values: (string | null)[];
  /** December to March. */
  rag: Rag[];
  people: number[];
  spend: number[];
  pdsa: string[];
  wins?: (string | null)[];
  blockers?: (string | null)[];
  support?: ([SupportType, string] | null)[];
  /** Indexes (0 = December) sent late, or not at all. */
  late?: number[];
  missing?: number[];
};

const PLANS: Record<string, Plan> = {
  "tower-hamlets": {
    measure: "Link workers reporting good support",
    values: ["3 of 6", "5 of 6", "4 of 7", "5 of 7", "6 of 7", "7 of 7"],
    rag: ["on-track", "on-track", "on-track", "on-track"],
    people: [24, 29, 31, 33],
    spend: [3900, 5600, 7400, 9600],
    pdsa: [
      "PDSA 3: a buddy for every new starter",
      "PDSA 4: career pathway conversations at 3 months",
      "PDSA 5: induction pack for a second PCN",
      "PDSA 6: handing the supervision rota to the PCNs",
    ],
    wins: [null, "Two PCNs have adopted the induction pack.", null, "Nobody has left the team since October."],
  },
  lambeth: {
    measure: "Referrals with feedback to the link worker",
    values: ["12%", "15%", "18%", "31%", "44%", "52%"],
    rag: ["at-risk", "on-track", "on-track", "on-track"],
    people: [21, 27, 30, 34],
    spend: [2600, 4100, 6200, 8800],
    pdsa: [
      "PDSA 2: feedback form on paper for three partners",
      "PDSA 3: the directory live for 14 VCS partners",
      "PDSA 4: monthly feedback call with partners",
      "PDSA 5: self-referral link in the directory",
    ],
    blockers: ["Information governance sign-off for sharing referral outcomes with VCS partners.", null, null, null],
    support: [["data", "Template data-sharing agreement other teams have used."], null, null, null],
    wins: [
      null,
      "Data-sharing agreement signed with 11 partners.",
      "Feedback now reaches link workers within a week.",
      null,
    ],
  },
  croydon: {
    measure: "Clinic attendees new to social prescribing",
    values: ["38%", "40%", "42%", "39%", "45%", "47%"],
    rag: ["on-track", "on-track", "at-risk", "on-track"],
    people: [26, 22, 18, 29],
    spend: [4300, 5200, 6400, 8700],
    pdsa: [
      "PDSA 3: evening clinic at Thornton Heath library",
      "PDSA 4: a clinic at the community centre",
      "PDSA 5: text reminders the day before",
      "PDSA 6: a second library",
    ],
    blockers: [
      null,
      null,
      "The community centre closed for repairs for three weeks.",
      "The second library cannot host clinics after April.",
    ],
  },
  newham: {
    measure: "Clinics run with an interpreter",
    values: ["80%", "20%", "45%", "70%", "85%", "90%"],
    rag: ["off-track", "at-risk", "on-track", "at-risk"],
    people: [6, 14, 19, 23],
    spend: [1500, 3300, 5400, 7800],
    pdsa: [
      "PDSA 2: booking interpreters through the council framework",
      "PDSA 3: telephone interpreting for short appointments",
      "PDSA 4: a Bengali-speaking volunteer at two clinics",
      "PDSA 5: a standing booking for Somali clinics",
    ],
    blockers: [
      "No interpreter cover for Bengali and Somali clinics.",
      "Telephone interpreting does not suit first appointments.",
      null,
      "The interpreter budget runs out at the end of March.",
    ],
    support: [
      ["funding", "Can part of the grant move from staff time to interpreter costs?"],
      ["coaching", "Help planning the next PDSA cycle."],
      null,
      null,
    ],
    late: [0],
  },
  camden: {
    measure: "Academy participants still in post",
    values: ["8 of 8", "8 of 8", "8 of 8", "7 of 8", "7 of 8", "7 of 8"],
    rag: ["on-track", "on-track", "on-track", "on-track"],
    people: [8, 8, 15, 15],
    spend: [5600, 6800, 8300, 9900],
    pdsa: [
      "PDSA 2: peer learning sets every fortnight",
      "PDSA 3: a shadowing day with an experienced link worker",
      "PDSA 4: a second cohort of 7",
      "PDSA 5: academy materials online",
    ],
    wins: [
      "All 8 completed the first module.",
      null,
      "Second cohort enrolled.",
      "Two PCNs will fund the academy after March.",
    ],
  },
  haringey: {
    measure: "Hub visitors referred on the same day",
    values: [null, "55%", "58%", "61%", "66%", "72%"],
    rag: ["on-track", "on-track", "on-track", "on-track"],
    people: [19, 23, 25, 28],
    spend: [3400, 4900, 6600, 8900],
    pdsa: [
      "PDSA 2: a duty link worker at the hub door",
      "PDSA 3: a same-day referral list for VCS partners",
      "PDSA 4: Saturday opening",
      "PDSA 5: a welcome card in five languages",
    ],
    late: [1],
  },
  southwark: {
    measure: "People with a benefits check within 4 weeks",
    values: ["22%", "25%", "31%", "36%", "41%", "49%"],
    rag: ["at-risk", "at-risk", "on-track", "on-track"],
    people: [26, 28, 33, 37],
    spend: [2400, 3700, 5600, 7900],
    pdsa: [
      "PDSA 2: advice partner at the practice weekly",
      "PDSA 3: booking advice appointments from the link worker's diary",
      "PDSA 4: a phone advice slot",
      "PDSA 5: a joint clinic with the food bank",
    ],
    support: [["coaching", "A coaching session on run charts."], null, null, null],
    blockers: [
      "Advice partner has a four-week waiting list.",
      "Advice partner has a four-week waiting list.",
      null,
      null,
    ],
  },
  barnet: {
    measure: "Link workers scoring well on the wellbeing survey",
    values: ["9 of 20", "10 of 20", "11 of 20", "12 of 20", "13 of 20", "15 of 20"],
    rag: ["on-track", "at-risk", "on-track", "on-track"],
    people: [20, 20, 20, 20],
    spend: [2100, 3300, 5200, 7600],
    pdsa: [
      "PDSA 2: protected time for reflective practice",
      "PDSA 3: a monthly wellbeing walk",
      "PDSA 4: a caseload cap of 60",
      "PDSA 5: sharing the survey results with PCN leads",
    ],
    missing: [1],
    blockers: [null, null, "PCN leads not yet agreed the caseload cap.", null],
    support: [null, null, null, ["coaching", "Help writing up our results for the showcase."]],
  },
  ealing: {
    measure: "Referrals from communities named in the project",
    values: ["14", "19", "23", "25", "31", "34"],
    rag: ["on-track", "on-track", "on-track", "on-track"],
    people: [38, 41, 44, 47],
    spend: [4200, 5600, 7100, 9200],
    pdsa: [
      "PDSA 2: leaflets in Tamil and Somali",
      "PDSA 3: a link worker at the gurdwara on Sundays",
      "PDSA 4: a WhatsApp group with community leaders",
      "PDSA 5: radio slot on a community station",
    ],
    wins: [null, "Community leaders asked for the leaflets in two more languages.", null, null],
  },
  hackney: {
    measure: "Referrals with the outcome recorded",
    values: ["30%", null, "41%", "48%", "55%", "63%"],
    rag: ["on-track", "on-track", "on-track", "on-track"],
    people: [24, 26, 27, 30],
    spend: [2700, 4600, 6900, 9100],
    pdsa: [
      "PDSA 2: the closed-loop form in a second practice",
      "PDSA 3: an automatic reminder to the VCS partner",
      "PDSA 4: outcome codes in the clinical system",
      "PDSA 5: all practices in the PCN",
    ],
    late: [0, 2],
  },
  lewisham: {
    measure: "Young people attending a second session",
    values: [null, null, "35%", "40%", "46%", "52%"],
    rag: ["at-risk", "at-risk", "on-track", "on-track"],
    people: [9, 12, 16, 21],
    spend: [1800, 3200, 5100, 7300],
    pdsa: [
      "PDSA 1: after-school drop-in at the youth centre",
      "PDSA 2: text reminders from the link worker",
      "PDSA 3: a peer mentor at each session",
      "PDSA 4: sessions at the college",
    ],
    support: [["other", "Introductions to the college's wellbeing team."], null, null, null],
    late: [0],
  },
  brent: {
    measure: "Hub sessions with a GP-referred attendee",
    values: ["6", null, "9", "11", "12", "15"],
    rag: ["on-track", "off-track", "at-risk", "on-track"],
    people: [19, 10, 17, 24],
    spend: [2500, 3100, 4600, 7200],
    pdsa: [
      "PDSA 2: hub sessions in Harlesden and Wembley",
      "PDSA 3: a GP champion in each practice",
      "PDSA 4: referral slips at reception",
      "PDSA 5: a text to patients after referral",
    ],
    blockers: [null, "Lost the Wembley venue at short notice.", "New venue only free on weekday mornings.", null],
    support: [null, ["funding", "Venue hire costs for the rest of the programme."], null, null],
  },
};

/** Writes October to March for every seeded team (see the header) through the update repository. */
export async function fillSixMonthsOfUpdates({ deps, programmeId }: { deps: CoreDeps; programmeId: string }) {
  await fillSampleUpdates({ deps, programmeId });
  const teams = new Map((await deps.programmes.listTeams(programmeId)).map((t) => [t.key, t]));
  const members = await deps.programmes.listMembers(programmeId);
  const cycles = new Map((await deps.programmes.listCycles(programmeId)).map((c) => [c.month, c]));
  for (const [key, plan] of Object.entries(PLANS)) {
    const team = teams.get(key);
    if (!team) throw new Error(`no team ${key}`);
    const people = members.filter((m) => m.teamId === team.id);
    const lead = people[people.length - 1] ?? people[0];
    // October and November: the QI lead adds the measure to each submitted update (a second version).
    for (const [i, month] of (["2022-10", "2022-11"] as const).entries()) {
      const cycle = cycles.get(month);
      const update = cycle ? await deps.updates.get(team.id, cycle.id) : null;
      const value = plan.values[i];
      if (!cycle || !update || update.status !== "submitted" || !value) continue;
      const at = new Date(cycle.dueAt.getTime() + 2 * 3_600_000);
      await deps.updates.save({
        teamId: team.id,
        cycleId: cycle.id,
        status: "submitted",
        data: { ...update.data, measure: plan.measure, measureValue: value },
        late: update.late,
        submittedAt: update.submittedAt,
        submittedById: update.submittedById,
        savedById: lead?.id ?? "sample",
        savedAt: at,
      });
    }
    for (const [i, month] of LATER.entries()) {
      if (plan.missing?.includes(i)) continue;
      const cycle = cycles.get(month);
      if (!cycle) throw new Error(`no cycle ${month}`);
      const late = plan.late?.includes(i) ?? false;
      const at = new Date(cycle.dueAt.getTime() + (late ? 2 * 86_400_000 : -86_400_000));
      const support = plan.support?.[i];
      const value = plan.values[i + 2];
      const data: UpdateData = {
        rag: plan.rag[i],
        progress: `${plan.pdsa[i]?.replace(/^PDSA \d+: /, "Tested ")}; ${plan.people[i]} people supported this month.`,
        pdsa: plan.pdsa[i],
        ...(value ? { measure: plan.measure, measureValue: value } : {}),
        people: plan.people[i],
        spend: plan.spend[i],
        ...(plan.wins?.[i] ? { wins: plan.wins[i] as string } : {}),
        ...(plan.blockers?.[i] ? { blockers: plan.blockers[i] as string } : {}),
        ...(support ? { support: support[0], supportDetail: support[1] } : {}),
      };
      await deps.updates.save({
        teamId: team.id,
        cycleId: cycle.id,
        status: "submitted",
        data,
        late,
        submittedAt: at,
        submittedById: people[0]?.id ?? null,
        savedById: people[0]?.id ?? "sample",
        savedAt: at,
      });
    }
  }
}
