import type { IcsSession } from "../../core/reminders/parse-ics-sessions.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

export type SessionImportCounts = { created: number; updated: number; unchanged: number };

/**
 * Upserts sessions read from an .ics file, matched by their UID-derived key, in one transaction:
 * importing the same file twice changes nothing; a moved event updates in place (and gets new reminders).
 */
export async function upsertIcsSessions(
  prisma: PrismaClient,
  input: { programmeId: string; teamId: string | null; sessions: IcsSession[] },
): Promise<SessionImportCounts> {
  const counts: SessionImportCounts = { created: 0, updated: 0, unchanged: 0 };
  await prisma.$transaction(async (tx) => {
    for (const s of input.sessions) {
      const data = {
        title: s.title,
        teamId: input.teamId,
        startsAt: s.startsAt,
        durationMinutes: s.durationMinutes,
        coach: s.coach,
        joinUrl: s.joinUrl,
        location: s.location,
      };
      const existing = await tx.coachingSession.findUnique({
        where: { programmeId_key: { programmeId: input.programmeId, key: s.key } },
      });
      if (!existing) {
        await tx.coachingSession.create({ data: { programmeId: input.programmeId, key: s.key, ...data } });
        counts.created++;
      } else if (
        existing.title !== data.title ||
        existing.teamId !== data.teamId ||
        existing.startsAt.getTime() !== data.startsAt.getTime() ||
        existing.durationMinutes !== data.durationMinutes ||
        existing.coach !== data.coach ||
        existing.joinUrl !== data.joinUrl ||
        existing.location !== data.location
      ) {
        await tx.coachingSession.update({ where: { id: existing.id }, data });
        counts.updated++;
      } else counts.unchanged++;
    }
  });
  return counts;
}
