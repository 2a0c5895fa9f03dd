import type { FaqPrompt } from "./faq/faq-prompt.js";
import type { DeliveryStore } from "./outbox/delivery-store.js";
import type { AskedQuestions } from "./ports/asked-questions.js";
import type { ChartLinks } from "./ports/chart-links.js";
import type { ChatGateway, Gateways } from "./ports/chat-gateway.js";
import type { Clock } from "./ports/clock.js";
import type { FaqRepository } from "./ports/faq-repository.js";
import type { InboundEvents } from "./ports/inbound-events.js";
import type { JoinRequests } from "./ports/join-requests.js";
import type { Llm } from "./ports/llm.js";
import type { Logger } from "./ports/logger.js";
import type { AuditLog, ProgrammeRepository } from "./ports/programme-repository.js";
import type { StaffReads } from "./ports/staff-reads.js";
import type { UpdateRepository } from "./ports/update-repository.js";
import type { ReminderFacts } from "./reminders/reminder-facts.js";

/**
 * Everything the core's use cases may need, built once in the composition root (src/app/build-deps.ts)
 * and passed in. Tests build it with fakes (test/support). Features add their ports here.
 */
export type CoreDeps = {
  clock: Clock;
  logger: Logger;
  programmes: ProgrammeRepository;
  audit: AuditLog;
  inbound: InboundEvents;
  /** Monthly progress updates, their history and unlocks. */
  updates: UpdateRepository;
  /** Proactive senders by platform; filled in as platforms start. */
  gateways: Gateways;
  /** FAQ entries and the unanswered-question queue. */
  faq: FaqRepository;
  /** What each chat question got, and which "Did you mean…?" suggestion helped (`faq stats`). */
  asked: AskedQuestions;
  /** `join <team>` requests waiting for staff. */
  joinRequests: JoinRequests;
  /** Optional LLM for FAQ answers (OPENAI_API_KEY). */
  llm?: Llm;
  /** The FAQ prompt (prompts/faq/); the LLM is used only when both are set. */
  faqPrompt?: FaqPrompt;
  /** Public base URL of this server, for links in messages (calendar feeds). */
  publicUrl?: string;
  /** The outbox (reminders, digests, staff alerts); required by runSchedulerTick. */
  deliveries?: DeliveryStore;
  /** Submission status and event look-ups for reminders; required by runSchedulerTick. */
  reminderFacts?: ReminderFacts;
  /** Read-only queries for the staff pages and the end-of-programme report. */
  staffReads?: StaffReads;
  /** Signed picture links for chat (the digest's chart); absent without PUBLIC_URL. */
  chartLinks?: ChartLinks;
};

export function gatewayFor(deps: Pick<CoreDeps, "gateways">, platform: keyof Gateways): ChatGateway | undefined {
  return deps.gateways[platform];
}
