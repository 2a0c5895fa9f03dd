import { submittedKey } from "../../core/reminders/occasion.js";
import type { ReminderFacts } from "../../core/reminders/reminder-facts.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { toMilestone, toSession } from "./mappers.js";

/** Read-only queries for the reminder planner and renderer. */
export function createReminderFacts(prisma: PrismaClient): ReminderFacts {
  return {
    async submittedPairs(cycleIds) {
      if (cycleIds.length === 0) return new Set();
      const rows = await prisma.progressUpdate.findMany({
        where: { cycleId: { in: cycleIds }, status: "submitted" },
        select: { cycleId: true, teamId: true },
      });
      return new Set(rows.map((r) => submittedKey(r.cycleId, r.teamId)));
    },
    async getSession(id) {
      const row = await prisma.coachingSession.findUnique({ where: { id } });
      return row ? toSession(row) : null;
    },
    async getMilestone(id) {
      const row = await prisma.milestone.findUnique({ where: { id } });
      return row ? toMilestone(row) : null;
    },
  };
}
