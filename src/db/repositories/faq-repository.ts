import { AppError } from "../../core/errors.js";
import type { ChatTarget } from "../../core/ports/chat-gateway.js";
import type { FaqEntry, FaqRepository, UnansweredQuestion } from "../../core/ports/faq-repository.js";
import type * as P from "../../generated/prisma/client.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

/** FAQ entries and unanswered questions on Prisma. */
export function createFaqRepository(prisma: PrismaClient): FaqRepository {
  return {
    listEntries: async (programmeId, options = {}) =>
      (
        await prisma.faqEntry.findMany({
          where: { programmeId, ...(options.includeRetired ? {} : { active: true }) },
          orderBy: { key: "asc" },
        })
      ).map(toEntry),
    getEntry: async (programmeId, key) => {
      const row = await prisma.faqEntry.findUnique({ where: { programmeId_key: { programmeId, key } } });
      return row ? toEntry(row) : null;
    },
    async createEntry(input) {
      try {
        return toEntry(await prisma.faqEntry.create({ data: { ...input, alternatives: input.alternatives ?? [] } }));
      } catch (error) {
        if ((error as { code?: string }).code === "P2002")
          throw new AppError("conflict", `There is already an FAQ entry called “${input.key}”.`, { cause: error });
        throw error;
      }
    },
    updateEntry: async (id, patch) => toEntry(await prisma.faqEntry.update({ where: { id }, data: patch })),

    recordUnanswered: async (input) =>
      toQuestion(
        await prisma.unansweredQuestion.create({
          data: { ...input, replyTo: (input.replyTo ?? undefined) as Prisma.InputJsonValue | undefined },
        }),
      ),
    findOpenQuestion: async ({ programmeId, platform, askerExternalId, question }) => {
      const row = await prisma.unansweredQuestion.findFirst({
        where: { programmeId, platform, askerExternalId, question, status: "open" },
      });
      return row ? toQuestion(row) : null;
    },
    listUnanswered: async (programmeId, options = {}) =>
      (
        await prisma.unansweredQuestion.findMany({
          where: { programmeId, status: options.status ?? "open" },
          orderBy: { createdAt: "asc" },
        })
      ).map(toQuestion),
    getUnanswered: async (id) => {
      const row = await prisma.unansweredQuestion.findUnique({ where: { id } });
      return row ? toQuestion(row) : null;
    },
    async markAnswered(id, { faqId, answeredById, at }) {
      await prisma.unansweredQuestion.update({
        where: { id },
        data: { status: "answered", answeredFaqId: faqId, answeredById, answeredAt: at },
      });
    },
    async markDismissed(id, { byId, at }) {
      // Only an open question: one answered or dismissed by someone else meanwhile stays as it is.
      const { count } = await prisma.unansweredQuestion.updateMany({
        where: { id, status: "open" },
        data: { status: "dismissed", answeredById: byId, answeredAt: at },
      });
      return count === 1;
    },
  };
}

const toEntry = (r: P.FaqEntry): FaqEntry => ({
  id: r.id,
  programmeId: r.programmeId,
  key: r.key,
  question: r.question,
  answer: r.answer,
  alternatives: r.alternatives,
  tags: r.tags,
  source: r.source,
  origin: r.origin === "staff" ? "staff" : "file",
  active: r.active,
  updatedAt: r.updatedAt,
});

const toQuestion = (r: P.UnansweredQuestion): UnansweredQuestion => ({
  id: r.id,
  programmeId: r.programmeId,
  memberId: r.memberId,
  platform: r.platform,
  askerExternalId: r.askerExternalId,
  replyTo: (r.replyTo as ChatTarget | null) ?? null,
  question: r.question,
  status: r.status,
  answeredFaqId: r.answeredFaqId,
  answeredById: r.answeredById,
  answeredAt: r.answeredAt,
  createdAt: r.createdAt,
});
