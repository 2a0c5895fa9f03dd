import type { AskedQuestion, AskedQuestions, AskOutcome } from "../../core/ports/asked-questions.js";
import type * as P from "../../generated/prisma/client.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** The FAQ's usage record on Prisma (table AskedQuestion). */
export function createAskedQuestions(prisma: PrismaClient): AskedQuestions {
  return {
    record: async (input) => toAsked(await prisma.askedQuestion.create({ data: input })),
    get: async (id) => {
      const row = await prisma.askedQuestion.findUnique({ where: { id } });
      return row ? toAsked(row) : null;
    },
    async recordPick(id, { key, at }) {
      await prisma.askedQuestion.update({ where: { id }, data: { pickedKey: key, pickedAt: at } });
    },
    async markPassedOn(id, unansweredId) {
      await prisma.askedQuestion.update({ where: { id }, data: { unansweredId } });
    },
    list: async (programmeId, options = {}) =>
      (
        await prisma.askedQuestion.findMany({
          where: { programmeId, ...(options.since ? { askedAt: { gte: options.since } } : {}) },
          orderBy: { askedAt: "asc" },
        })
      ).map(toAsked),
  };
}

const OUTCOMES = new Set<AskOutcome>(["answer", "suggest", "decline", "off-topic", "live"]);

const toAsked = (r: P.AskedQuestion): AskedQuestion => ({
  id: r.id,
  programmeId: r.programmeId,
  question: r.question,
  outcome: OUTCOMES.has(r.outcome as AskOutcome) ? (r.outcome as AskOutcome) : "decline",
  sources: r.sources,
  suggestions: r.suggestions,
  pickedKey: r.pickedKey,
  pickedAt: r.pickedAt,
  platform: r.platform,
  askerExternalId: r.askerExternalId,
  memberId: r.memberId,
  unansweredId: r.unansweredId,
  askedAt: r.askedAt,
});
