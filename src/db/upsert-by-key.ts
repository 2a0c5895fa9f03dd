/** What an import did to one kind of row. */
export type ImportCounts = { created: number; updated: number; unchanged: number; removed: number };

/** Finds by natural key; creates, updates only what differs, or leaves alone. Keeps re-imports no-ops. */
export async function upsertByKey<Row extends { id: string }>(
  entity: string,
  find: () => Promise<Row | null>,
  data: Record<string, unknown>,
  create: () => Promise<Row>,
  update: (id: string) => Promise<Row>,
  count: (entity: string, outcome: keyof ImportCounts) => void,
): Promise<Row> {
  const existing = await find();
  if (!existing) {
    count(entity, "created");
    return create();
  }
  if (sameValues(existing as unknown as Record<string, unknown>, data)) {
    count(entity, "unchanged");
    return existing;
  }
  count(entity, "updated");
  return update(existing.id);
}

export function sameValues(row: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([k, v]) => same(row[k], v));
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === b) return true;
  // JSONB reorders keys: compare structurally.
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as never)[k], (b as never)[k]));
  }
  return false;
}
