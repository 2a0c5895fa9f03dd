import type { Platform } from "../programme/types.js";
import type { ChatTarget } from "./chat-gateway.js";

/** Someone in no team asked to join one; staff approve or decline it. */
export type JoinRequest = {
  id: string;
  programmeId: string;
  teamId: string;
  platform: Platform;
  externalId: string;
  name: string;
  /** A guest account (Slack single- or multi-channel guest) when they asked. */
  guest: boolean;
  /** From another organisation (a Slack Connect user) when they asked. */
  external: boolean;
  /** Where to tell them the outcome. */
  replyTo: ChatTarget | null;
  status: "pending" | "approved" | "declined";
  decidedById: string | null;
  decidedAt: Date | null;
  memberId: string | null;
  createdAt: Date;
};

export type JoinRequests = {
  create(
    input: Pick<
      JoinRequest,
      "programmeId" | "teamId" | "platform" | "externalId" | "name" | "guest" | "external" | "replyTo" | "createdAt"
    >,
  ): Promise<JoinRequest>;
  get(id: string): Promise<JoinRequest | null>;
  /** The person's pending request in this programme, if any. */
  findPending(programmeId: string, platform: Platform, externalId: string): Promise<JoinRequest | null>;
  /**
   * Decides a pending request. Returns false when it was no longer pending (another staff member got
   * there first), so two presses of Approve never add someone twice.
   */
  decide(
    id: string,
    input: { status: "approved" | "declined"; decidedById: string; decidedAt: Date; memberId?: string | null },
  ): Promise<boolean>;
};
