import type { Platform } from "../programme/types.js";

/** What the bot did with a question asked in chat. `live` = answered from the team's own data. */
export type AskOutcome = "answer" | "suggest" | "decline" | "off-topic" | "live";

/** One question asked in chat, what the FAQ did with it, and the suggestion the asker picked. */
export type AskedQuestion = {
  id: string;
  programmeId: string;
  question: string;
  outcome: AskOutcome;
  /** Entry keys the answer came from; for a live answer, its topic ("coach", "spend"…). */
  sources: string[];
  /** Entry keys offered as "Did you mean…?" buttons. */
  suggestions: string[];
  pickedKey: string | null;
  pickedAt: Date | null;
  platform: Platform;
  askerExternalId: string;
  /** Null for someone in no team of the programme. */
  memberId: string | null;
  /** The UnansweredQuestion it was passed to staff as. */
  unansweredId: string | null;
  askedAt: Date;
};

/** The FAQ's usage record: what each chat question got, and which suggestion helped (`faq stats`). */
export type AskedQuestions = {
  record(input: Omit<AskedQuestion, "id" | "pickedKey" | "pickedAt">): Promise<AskedQuestion>;
  get(id: string): Promise<AskedQuestion | null>;
  /** Records the suggestion the asker pressed (the latest press wins). */
  recordPick(id: string, input: { key: string; at: Date }): Promise<void>;
  /** Links a question to the UnansweredQuestion it became (a "None of these" press). */
  markPassedOn(id: string, unansweredId: string): Promise<void>;
  /** Oldest first. */
  list(programmeId: string, options?: { since?: Date }): Promise<AskedQuestion[]>;
};
