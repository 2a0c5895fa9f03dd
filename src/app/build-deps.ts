import type { CoreDeps } from "../core/deps.js";
import type { Clock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import type { Database } from "../db/open-database.js";
import { createAskedQuestions } from "../db/repositories/asked-questions.js";
import { withCachedReads } from "../db/repositories/cached-programme-reads.js";
import { createDeliveryStore } from "../db/repositories/delivery-store.js";
import { createFaqRepository } from "../db/repositories/faq-repository.js";
import { createInboundEvents } from "../db/repositories/inbound-events.js";
import { createJoinRequests } from "../db/repositories/join-requests.js";
import { createAuditLog, createProgrammeRepository } from "../db/repositories/programme-repository.js";
import { createReminderFacts } from "../db/repositories/reminder-facts.js";
import { createStaffReads } from "../db/repositories/staff-reads.js";
import { createUpdateRepository } from "../db/repositories/update-repository.js";
import { createFaqLlm, type LlmEnv } from "../llm/create-faq-llm.js";

/** Wires the core's ports to their Prisma adapters. Features add their repositories here. */
export function buildCoreDeps(options: {
  db: Database;
  clock: Clock;
  logger: Logger;
  publicUrl?: string;
  /** OPENAI_* settings; the FAQ uses an LLM only when OPENAI_API_KEY is set. */
  env?: LlmEnv;
  /** Cache who-is-asking lookups this long (see cached-programme-reads.ts); 0 (tests) = always query. */
  readCacheMs?: number;
}): CoreDeps {
  const { prisma } = options.db;
  return {
    clock: options.clock,
    logger: options.logger,
    programmes: withCachedReads(createProgrammeRepository(prisma), options.readCacheMs ?? 0),
    audit: createAuditLog(prisma),
    inbound: createInboundEvents(prisma),
    updates: createUpdateRepository(prisma),
    faq: createFaqRepository(prisma),
    asked: createAskedQuestions(prisma),
    joinRequests: createJoinRequests(prisma),
    gateways: {},
    publicUrl: options.publicUrl,
    deliveries: createDeliveryStore(prisma),
    reminderFacts: createReminderFacts(prisma),
    staffReads: createStaffReads(prisma),
    ...(options.env?.OPENAI_API_KEY ? createFaqLlm(options.env, options.logger) : {}),
  };
}
