import { AppError } from "../../core/errors.js";
import type { FaqEntry, FaqRepository, UnansweredQuestion } from "../../core/ports/faq-repository.js";
import type { ProgrammeFile } from "../../core/programme/programme-file.js";

/**
 * The FaqRepository in memory: for `npm run faq:eval` (scores the programme file as written, without a
 * database) and for fast unit tests of the answerer.
 */
export function createMemoryFaqRepository(entries: FaqEntry[] = []): FaqRepository & {
  entries: FaqEntry[];
  questions: UnansweredQuestion[];
} {
  const state = { entries: [...entries], questions: [] as UnansweredQuestion[] };
  let nextId = 1;
  const id = (prefix: string) => `${prefix}${String(nextId++).padStart(8, "0")}`;
  return {
    get entries() {
      return state.entries;
    },
    get questions() {
      return state.questions;
    },
    listEntries: async (programmeId, options = {}) =>
      state.entries.filter((e) => e.programmeId === programmeId && (options.includeRetired || e.active)),
    getEntry: async (programmeId, key) =>
      state.entries.find((e) => e.programmeId === programmeId && e.key === key) ?? null,
    async createEntry(input) {
      if (state.entries.some((e) => e.programmeId === input.programmeId && e.key === input.key))
        throw new AppError("conflict", `There is already an FAQ entry called “${input.key}”.`);
      const entry: FaqEntry = {
        ...input,
        alternatives: input.alternatives ?? [],
        id: id("faq"),
        active: true,
        updatedAt: new Date(0),
      };
      state.entries.push(entry);
      return entry;
    },
    async updateEntry(entryId, patch) {
      const entry = state.entries.find((e) => e.id === entryId);
      if (!entry) throw new AppError("not_found", "No such FAQ entry.");
      Object.assign(entry, patch);
      return entry;
    },
    async recordUnanswered(input) {
      const question: UnansweredQuestion = {
        ...input,
        id: id("q"),
        status: "open",
        answeredFaqId: null,
        answeredById: null,
        answeredAt: null,
        createdAt: input.createdAt ?? new Date(0),
      };
      state.questions.push(question);
      return question;
    },
    findOpenQuestion: async (q) =>
      state.questions.find(
        (x) =>
          x.status === "open" &&
          x.programmeId === q.programmeId &&
          x.platform === q.platform &&
          x.askerExternalId === q.askerExternalId &&
          x.question === q.question,
      ) ?? null,
    listUnanswered: async (programmeId, options = {}) =>
      state.questions.filter((q) => q.programmeId === programmeId && q.status === (options.status ?? "open")),
    getUnanswered: async (questionId) => state.questions.find((q) => q.id === questionId) ?? null,
    async markAnswered(questionId, { faqId, answeredById, at }) {
      const q = state.questions.find((x) => x.id === questionId);
      if (q) Object.assign(q, { status: "answered", answeredFaqId: faqId, answeredById, answeredAt: at });
    },
    async markDismissed(questionId, { byId, at }) {
      const q = state.questions.find((x) => x.id === questionId && x.status === "open");
      if (q) Object.assign(q, { status: "dismissed", answeredById: byId, answeredAt: at });
      return q !== undefined;
    },
  };
}

/** The `faq:` section of a programme file as entries of one programme. */
export function faqEntriesFromFile(file: ProgrammeFile, programmeId: string): FaqEntry[] {
  return file.faq.map((f) => ({
    ...f,
    id: `file-${f.key}`,
    programmeId,
    origin: "file" as const,
    active: true,
    updatedAt: new Date(0),
  }));
}
