/** A team's monthly progress update as the core sees it. `data` holds the values parsed by the update schema. */
export type ProgressUpdate = {
  id: string;
  teamId: string;
  cycleId: string;
  status: "draft" | "submitted";
  data: Record<string, unknown>;
  /** Bumped on every save; a form carries the version it was opened at. */
  version: number;
  late: boolean;
  submittedAt: Date | null;
  submittedById: string | null;
  updatedById: string | null;
  updatedAt: Date;
};

/** One save of an update, kept for ever (the history staff can audit). */
export type ProgressUpdateVersion = {
  version: number;
  status: "draft" | "submitted";
  data: Record<string, unknown>;
  savedById: string | null;
  savedAt: Date;
};

/** Staff re-opened a locked cycle for one team until `unlockedUntil`. */
export type CycleUnlock = {
  teamId: string;
  cycleId: string;
  unlockedUntil: Date;
  unlockedById: string | null;
};

export type SaveUpdateInput = {
  teamId: string;
  cycleId: string;
  status: "draft" | "submitted";
  data: Record<string, unknown>;
  late: boolean;
  submittedAt: Date | null;
  submittedById: string | null;
  savedById: string;
  savedAt: Date;
};

/** Progress updates, their version history and unlocks. */
export type UpdateRepository = {
  get(teamId: string, cycleId: string): Promise<ProgressUpdate | null>;
  getById(id: string): Promise<ProgressUpdate | null>;
  /** Every update (draft or submitted) in the given cycles. */
  listForCycles(cycleIds: string[]): Promise<ProgressUpdate[]>;
  /**
   * Writes the update and appends its version row atomically. Two concurrent saves are serialised: each
   * gets its own version number, the later one is current, both are in the history.
   */
  save(input: SaveUpdateInput): Promise<ProgressUpdate>;
  listVersions(updateId: string): Promise<ProgressUpdateVersion[]>;
  getUnlock(teamId: string, cycleId: string): Promise<CycleUnlock | null>;
  setUnlock(input: CycleUnlock): Promise<CycleUnlock>;
};
