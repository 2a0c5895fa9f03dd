/**
 * SAMPLE DATA: invented October and November 2022 updates for the seeded SP Innovators teams, with a mix
 * of on-time, late, draft and missing updates. Used by scripts/sample-digest.ts and the digest tests.
 */
import type { CoreDeps } from "../src/core/deps.js";
import type { UpdateData } from "../src/core/updates/update-form.js";

type Sample = { team: string; late?: boolean; draft?: boolean; data: UpdateData };

const october: Sample[] = [
  {
    team: "tower-hamlets",
    data: { rag: "on-track", progress: "Induction pack drafted with two PCNs.", people: 18, spend: 1200 },
  },
  {
    team: "lambeth",
    data: {
      rag: "on-track",
      progress: "Directory scoping workshop held with 14 VCS partners.",
      people: 25,
      spend: 900,
    },
  },
  {
    team: "croydon",
    data: {
      rag: "on-track",
      progress: "Library clinic pilot agreed with Thornton Heath library.",
      people: 9,
      spend: 1500,
    },
  },
  {
    team: "newham",
    data: { rag: "at-risk", progress: "Interpreter booking slower than planned.", people: 11, spend: 600 },
  },
  {
    team: "camden",
    data: { rag: "on-track", progress: "Academy curriculum outline signed off.", people: 6, spend: 2000 },
  },
  { team: "haringey", data: { rag: "on-track", progress: "Hub venue shortlisted.", people: 14, spend: 1100 } },
  {
    team: "southwark",
    data: { rag: "at-risk", progress: "Benefits advice partner still to confirm.", people: 20, spend: 700 },
  },
  {
    team: "barnet",
    data: { rag: "on-track", progress: "Wellbeing survey sent to all link workers.", people: 4, spend: 800 },
  },
  {
    team: "ealing",
    data: { rag: "on-track", progress: "Translated leaflets in Punjabi and Polish.", people: 31, spend: 1800 },
  },
  {
    team: "hackney",
    data: { rag: "on-track", progress: "Closed-loop referral form live in one practice.", people: 22, spend: 1300 },
  },
  {
    team: "brent",
    data: { rag: "on-track", progress: "Community hub sessions started in Harlesden.", people: 17, spend: 1000 },
  },
];

const november: Sample[] = [
  {
    team: "tower-hamlets",
    data: {
      rag: "on-track",
      progress: "Peer supervision tested with 6 link workers; all want to continue.",
      pdsa: "PDSA 2: fortnightly peer supervision",
      measure: "Link workers reporting good support",
      measureValue: "5 of 6",
      people: 26,
      spend: 2600,
      wins: "First new recruit started on the new induction.",
    },
  },
  {
    team: "lambeth",
    data: {
      rag: "at-risk",
      progress: "Directory build delayed: data-sharing agreement not signed.",
      people: 19,
      spend: 1400,
      blockers: "Information governance sign-off for sharing referral outcomes with VCS partners.",
      support: "data",
      supportDetail: "Template data-sharing agreement other teams have used.",
    },
  },
  {
    team: "croydon",
    data: {
      rag: "on-track",
      progress: "Two library clinics a week; 40% of attendees had not seen their GP in a year.",
      people: 21,
      spend: 3100,
    },
  },
  {
    team: "newham",
    late: true,
    data: {
      rag: "off-track",
      progress: "Lost our interpreter contract; clinics paused for two weeks.",
      people: 3,
      spend: 900,
      blockers: "No interpreter cover for Bengali and Somali clinics.",
      support: "funding",
      supportDetail: "Can part of the grant move from staff time to interpreter costs?",
    },
  },
  {
    team: "camden",
    data: { rag: "on-track", progress: "First academy cohort of 8 link workers enrolled.", people: 8, spend: 4200 },
  },
  {
    team: "haringey",
    late: true,
    data: {
      rag: "on-track",
      progress: "Hub opened at Bruce Grove; steady first fortnight.",
      people: 16,
      spend: 2300,
      wins: "Local councillor visit.",
    },
  },
  {
    team: "southwark",
    data: {
      rag: "at-risk",
      progress: "Benefits advice partner confirmed; referrals picking up slowly.",
      people: 24,
      spend: 1500,
      support: "coaching",
      supportDetail: "A coaching session on run charts.",
    },
  },
  { team: "barnet", draft: true, data: { rag: "on-track", progress: "Survey results in (draft)" } },
  {
    team: "ealing",
    data: {
      rag: "on-track",
      progress: 'Leaflets in 6 languages; Tamil and Somali next. <!channel> =HYPERLINK("x")',
      people: 35,
      spend: 3000,
    },
  },
];
// Hackney and Brent have sent nothing for November.

/** Writes the sample updates through the repository (as if each team's first member had saved them). */
export async function fillSampleUpdates({ deps, programmeId }: { deps: CoreDeps; programmeId: string }) {
  const teams = new Map((await deps.programmes.listTeams(programmeId)).map((t) => [t.key, t]));
  const members = await deps.programmes.listMembers(programmeId);
  for (const [month, samples] of [
    ["2022-10", october],
    ["2022-11", november],
  ] as const) {
    const cycle = await deps.programmes.getCycle(programmeId, month);
    if (!cycle) throw new Error(`no cycle ${month}`);
    for (const s of samples) {
      const team = teams.get(s.team);
      if (!team) throw new Error(`no team ${s.team}`);
      const author = members.find((m) => m.teamId === team.id);
      const at = new Date(cycle.dueAt.getTime() + (s.late ? 86_400_000 : -86_400_000));
      await deps.updates.save({
        teamId: team.id,
        cycleId: cycle.id,
        status: s.draft ? "draft" : "submitted",
        data: s.data,
        late: Boolean(s.late),
        submittedAt: s.draft ? null : at,
        submittedById: s.draft ? null : (author?.id ?? null),
        savedById: author?.id ?? "sample",
        savedAt: at,
      });
    }
  }
}
