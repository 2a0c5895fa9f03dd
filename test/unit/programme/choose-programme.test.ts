import { describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/ports/clock.js";
import { chooseProgramme } from "../../../src/core/programme/choose-programme.js";
import type { Channel, Programme } from "../../../src/core/programme/types.js";

const programme = (id: string, starts: string, ends: string): Programme => ({
  id,
  slug: id,
  name: id,
  organisation: "",
  timeZone: "Europe/London",
  grantPerTeam: 0,
  totalFunding: 0,
  startsOn: new Date(`${starts}T00:00:00Z`),
  endsOn: new Date(`${ends}T00:00:00Z`),
  settings: {},
});
const cohort1 = programme("cohort-1", "2022-10-01", "2023-03-31");
const cohort2 = programme("cohort-2", "2023-10-01", "2024-03-31");
const channel = { programmeId: "cohort-1", platform: "slack", externalId: "C1" } as Channel;

function deps(now: string) {
  return {
    clock: fixedClock(now),
    programmes: {
      listProgrammes: async () => [cohort1, cohort2],
      findChannels: async (_p: string, id: string) => (id === "C1" ? [channel] : []),
    },
  };
}

describe("chooseProgramme: which programme answers someone", () => {
  it("the programme that owns the channel, even when another is running", async () => {
    const conversation = { platform: "slack" as const, externalId: "C1", kind: "channel" as const };
    expect((await chooseProgramme(deps("2023-11-15T10:00:00Z"), { conversation }))?.id).toBe("cohort-1");
  });

  it("else the one running today", async () => {
    const dm = { platform: "slack" as const, externalId: "D1", kind: "personal" as const };
    expect((await chooseProgramme(deps("2023-01-10T10:00:00Z"), { conversation: dm }))?.id).toBe("cohort-1");
    expect((await chooseProgramme(deps("2023-11-15T10:00:00Z"), { conversation: dm }))?.id).toBe("cohort-2");
  });

  it("else the newest; and only among the given programmes (a member's own)", async () => {
    expect((await chooseProgramme(deps("2025-01-01T10:00:00Z"), {}))?.id).toBe("cohort-2");
    expect((await chooseProgramme(deps("2025-01-01T10:00:00Z"), { among: ["cohort-1"] }))?.id).toBe("cohort-1");
  });
});
