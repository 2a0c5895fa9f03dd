import type { DeliveryStatus } from "../outbox/delivery-store.js";
import type { ProgressUpdateVersion } from "./update-repository.js";

/** One line of the delivery log on the staff pages: a reminder, digest or alert and what became of it. */
export type DeliveryLogEntry = {
  key: string;
  kind: string;
  teamId: string | null;
  /** A Channel id. */
  target: string;
  /** When it was planned to go out. */
  scheduledFor: Date;
  status: DeliveryStatus | (string & {});
  attempts: number;
  sentAt: Date | null;
  /** Why it was skipped or failed. */
  reason: string | null;
  lastError: string | null;
  updatedAt: Date;
};

/**
 * The read-only queries the staff pages and the end-of-programme report need beyond the other ports:
 * each one a single query, whatever the cohort size.
 */
export type StaffReads = {
  /** Every saved version of these updates, oldest first within each update. */
  listVersionsForUpdates(updateIds: string[]): Promise<Map<string, ProgressUpdateVersion[]>>;
  /**
   * The newest `limit` deliveries of a programme (optionally only those for some teams), and how many
   * there are in each status overall.
   */
  deliveryLog(
    programmeId: string,
    options: { limit: number; teamIds?: string[] },
  ): Promise<{ entries: DeliveryLogEntry[]; counts: Record<string, number> }>;
};
