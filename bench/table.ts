/** One line of the report: what was measured, the figure, the target and whether it was met. */
export type Row = { measure: string; figure: string; target: string; met: boolean | null };

export function renderTable(rows: Row[]): string {
  const status = (r: Row) => (r.met === null ? "—" : r.met ? "met" : "MISSED");
  const cols = [
    ["Measure", ...rows.map((r) => r.measure)],
    ["Figure", ...rows.map((r) => r.figure)],
    ["Target", ...rows.map((r) => r.target)],
    ["Status", ...rows.map(status)],
  ];
  const widths = cols.map((c) => Math.max(...c.map((s) => s.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const header = line(cols.map((c) => c[0] ?? ""));
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  const body = rows.map((_, i) => line(cols.map((c) => c[i + 1] ?? "")));
  return [header, rule, ...body].join("\n");
}

export const ms = (n: number) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);

/** A row of the side-by-side table: one cell per column (embedded, PostgreSQL, bare Bolt). */
export type ColumnRow = { measure: string; cells: string[]; target: string; met: boolean | null };

export function renderColumns(headers: string[], rows: ColumnRow[]): string {
  const status = (r: ColumnRow) => (r.met === null ? "—" : r.met ? "met" : "MISSED");
  const cols = [
    ["Measure", ...rows.map((r) => r.measure)],
    ...headers.map((h, i) => [h, ...rows.map((r) => r.cells[i] ?? "")]),
    ["Target", ...rows.map((r) => r.target)],
    ["Status", ...rows.map(status)],
  ];
  const widths = cols.map((c) => Math.max(...c.map((s) => s.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(cols.map((c) => c[0] ?? "")), rule, ...rows.map((_, i) => line(cols.map((c) => c[i + 1] ?? "")))].join(
    "\n",
  );
}
