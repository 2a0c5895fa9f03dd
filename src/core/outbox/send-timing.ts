/**
 * When the outbox may send for a programme (its quiet hours, weekends and bank holidays). The outbox
 * itself knows no calendar: the scheduler passes this in (src/core/reminders/programme-send-timing.ts).
 */
export type SendTiming = {
  /**
   * The programmes whose deliveries may go out at `now`, or "all". Rows of the others are not even
   * claimed, so nothing (a catch-up, a retry, a row whose lease ran out overnight) goes out in quiet time.
   */
  openProgrammes(now: Date): Promise<string[] | "all">;
  /** The first allowed instant at or after `at` for a programme: a retry back-off never lands in quiet time. */
  firstAllowedFrom(programmeId: string, at: Date): Promise<Date>;
};
