import type { CoreDeps } from "../core/deps.js";
import type { Clock } from "../core/ports/clock.js";
import type { Logger } from "../core/ports/logger.js";
import type { Database } from "../db/open-database.js";
import { createInboundEvents } from "../db/repositories/inbound-events.js";
import { createAuditLog, createProgrammeRepository } from "../db/repositories/programme-repository.js";
import { createUpdateRepository } from "../db/repositories/update-repository.js";

/** Wires the core's ports to their Prisma adapters. Features add their repositories here. */
export function buildCoreDeps(options: { db: Database; clock: Clock; logger: Logger; publicUrl?: string }): CoreDeps {
  const { prisma } = options.db;
  return {
    clock: options.clock,
    logger: options.logger,
    programmes: createProgrammeRepository(prisma),
    audit: createAuditLog(prisma),
    inbound: createInboundEvents(prisma),
    updates: createUpdateRepository(prisma),
    gateways: {},
    publicUrl: options.publicUrl,
  };
}
