import type { Platform } from "../programme/types.js";
import type { ChatTarget } from "./chat-gateway.js";

/** One question-and-answer the bot can give. `origin` is "file" (programme file) or "staff" (added in chat). */
export type FaqEntry = {
  id: string;
  programmeId: string;
  key: string;
  question: string;
  answer: string;
  alternatives: string[];
  tags: string[];
  source: string;
  origin: "file" | "staff";
  active: boolean;
  updatedAt: Date;
};

/** A question the bot could not answer, waiting for staff. `replyTo` is where the answer goes back. */
export type UnansweredQuestion = {
  id: string;
  programmeId: string;
  memberId: string | null;
  platform: Platform;
  askerExternalId: string;
  replyTo: ChatTarget | null;
  question: string;
  status: "open" | "answered" | "dismissed";
  answeredFaqId: string | null;
  answeredById: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

/** FAQ entries and the unanswered-question queue of each programme. */
export type FaqRepository = {
  /** Active entries only, unless told otherwise. */
  listEntries(programmeId: string, options?: { includeRetired?: boolean }): Promise<FaqEntry[]>;
  getEntry(programmeId: string, key: string): Promise<FaqEntry | null>;
  /** Throws AppError("conflict") if the key is taken. */
  createEntry(
    input: Pick<FaqEntry, "programmeId" | "key" | "question" | "answer" | "tags" | "source" | "origin"> & {
      alternatives?: string[];
    },
  ): Promise<FaqEntry>;
  updateEntry(id: string, patch: Partial<Pick<FaqEntry, "answer" | "active" | "question">>): Promise<FaqEntry>;

  /** `createdAt` comes from the core's clock (the playground's clock may be in 2022). */
  recordUnanswered(
    input: Pick<
      UnansweredQuestion,
      "programmeId" | "memberId" | "platform" | "askerExternalId" | "replyTo" | "question" | "createdAt"
    >,
  ): Promise<UnansweredQuestion>;
  /** The same person's identical open question, so asking twice does not queue it twice. */
  findOpenQuestion(input: {
    programmeId: string;
    platform: Platform;
    askerExternalId: string;
    question: string;
  }): Promise<UnansweredQuestion | null>;
  listUnanswered(
    programmeId: string,
    options?: { status?: UnansweredQuestion["status"] },
  ): Promise<UnansweredQuestion[]>;
  getUnanswered(id: string): Promise<UnansweredQuestion | null>;
  markAnswered(id: string, input: { faqId: string; answeredById: string; at: Date }): Promise<void>;
  /**
   * Closes an open question without an answer (noise). `answeredById`/`answeredAt` then say who closed it
   * and when. False when it was no longer open (answered or dismissed meanwhile): nothing changes.
   */
  markDismissed(id: string, input: { byId: string; at: Date }): Promise<boolean>;
};
