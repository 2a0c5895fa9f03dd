import type { ChatTarget } from "../../core/ports/chat-gateway.js";
import type { JoinRequest, JoinRequests } from "../../core/ports/join-requests.js";
import type * as P from "../../generated/prisma/client.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

/** Join requests on Prisma. A decision only lands on a request that is still pending. */
export function createJoinRequests(prisma: PrismaClient): JoinRequests {
  return {
    create: async (input) =>
      toRequest(
        await prisma.joinRequest.create({
          data: { ...input, replyTo: (input.replyTo ?? undefined) as Prisma.InputJsonValue | undefined },
        }),
      ),
    get: async (id) => {
      const row = await prisma.joinRequest.findUnique({ where: { id } });
      return row ? toRequest(row) : null;
    },
    findPending: async (programmeId, platform, externalId) => {
      const row = await prisma.joinRequest.findFirst({
        where: { programmeId, platform, externalId, status: "pending" },
        orderBy: { createdAt: "desc" },
      });
      return row ? toRequest(row) : null;
    },
    async decide(id, { status, decidedById, decidedAt, memberId }) {
      const { count } = await prisma.joinRequest.updateMany({
        where: { id, status: "pending" },
        data: { status, decidedById, decidedAt, memberId: memberId ?? null },
      });
      return count === 1;
    },
  };
}

const toRequest = (r: P.JoinRequest): JoinRequest => ({
  id: r.id,
  programmeId: r.programmeId,
  teamId: r.teamId,
  platform: r.platform,
  externalId: r.externalId,
  name: r.name,
  guest: r.guest,
  external: r.external,
  replyTo: (r.replyTo as ChatTarget | null) ?? null,
  status: r.status,
  decidedById: r.decidedById,
  decidedAt: r.decidedAt,
  memberId: r.memberId,
  createdAt: r.createdAt,
});
