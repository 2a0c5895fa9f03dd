/** The outbox as the core sees it. Backed by the Delivery table (src/db/repositories/delivery-store.ts). */
export type DeliveryStatus = "pending" | "claimed" | "sent" | "skipped" | "failed";

export type Delivery = {
  id: string;
  /** Unique per (kind, target, occasion): inserting it twice is a no-op. */
  key: string;
  programmeId: string;
  kind: string;
  teamId: string | null;
  /** A Channel id. */
  target: string;
  occasion: string;
  scheduledFor: Date;
  status: DeliveryStatus;
  attempts: number;
  leaseUntil: Date | null;
  claimedBy: string | null;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** Why it ended skipped or failed. */
  reason: string | null;
  platformMessageId: string | null;
  payload: unknown;
  sentAt: Date | null;
  createdAt: Date;
};

export type NewDelivery = Pick<
  Delivery,
  "key" | "programmeId" | "kind" | "teamId" | "target" | "occasion" | "scheduledFor" | "payload"
> & {
  /** "skipped" records an occasion the planner already knows will not be sent (with `reason`). */
  status?: "pending" | "skipped";
  reason?: string;
  /** Not before this instant: an occasion that came due in quiet time waits for the next allowed time. */
  nextAttemptAt?: Date;
};

export type DeliveryStore = {
  /** Inserts the rows whose key is new (ON CONFLICT DO NOTHING); returns how many were inserted. */
  enqueue(items: NewDelivery[], now: Date): Promise<number>;
  /** Which of these keys are already in the outbox. */
  existingKeys(keys: string[]): Promise<Set<string>>;
  /**
   * Atomically claims up to `limit` rows that are due (pending and due, or claimed with an expired lease),
   * so two dispatchers never hold the same row. Each claim counts as an attempt. With `programmeIds`, only
   * rows of those programmes (the ones in allowed sending time now) are claimed.
   */
  claimDue(input: {
    now: Date;
    leaseMs: number;
    workerId: string;
    limit: number;
    programmeIds?: string[];
  }): Promise<Delivery[]>;
  /** Only succeeds while this worker still holds the claim. */
  markSent(input: { id: string; workerId: string; at: Date; messageId: string }): Promise<boolean>;
  markRetry(input: { id: string; workerId: string; nextAttemptAt: Date; error: string }): Promise<boolean>;
  markDone(input: {
    id: string;
    workerId: string;
    status: "skipped" | "failed";
    reason: string;
    at: Date;
    error?: string;
  }): Promise<boolean>;
  /**
   * Records messages sent outside the dispatcher (a digest posted by a staff member), so the outbox knows
   * everything that went to a channel. Keys are unique; a repeated key is ignored.
   */
  recordSent(items: (NewDelivery & { sentAt: Date; platformMessageId: string })[]): Promise<number>;
  list(filter?: {
    programmeId?: string;
    statuses?: DeliveryStatus[];
    kinds?: string[];
    since?: Date;
    limit?: number;
  }): Promise<Delivery[]>;
};
