import { escapeHtml } from "../../platforms/local/render/escape-html.js";

export { escapeHtml };

/** Escaped text for element content or a quoted attribute: every string from data goes through here. */
export const h = (text: string | number | null | undefined): string => escapeHtml(text == null ? "" : String(text));

/** Whole pounds, "£3,100". */
export const pounds = (n: number): string => `£${Math.round(n).toLocaleString("en-GB")}`;

/** A simple data table with a caption; cells are escaped unless given as `{ html }` (already safe markup). */
export type Cell = string | number | null | { html: string };
export function table(input: {
  caption: string;
  head: string[];
  rows: Cell[][];
  className?: string;
  rowHeaders?: boolean;
}): string {
  const cell = (c: Cell, i: number) => {
    const body = c !== null && typeof c === "object" ? c.html : h(c);
    return i === 0 && input.rowHeaders !== false ? `<th scope="row">${body}</th>` : `<td>${body}</td>`;
  };
  return `<table${input.className ? ` class="${h(input.className)}"` : ""}>
<caption>${h(input.caption)}</caption>
<thead><tr>${input.head.map((x) => `<th scope="col">${h(x)}</th>`).join("")}</tr></thead>
<tbody>${input.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}</tbody>
</table>`;
}

/**
 * A chart with its text alternatives: the SVG (named by `alt`), a caption sentence that says what the
 * chart shows, and the same data as a table behind a disclosure (open in print).
 */
export function figure(input: { svg: string; caption: string; table: string; id?: string }): string {
  return `<figure class="chart"${input.id ? ` id="${h(input.id)}"` : ""}>
<div class="chart-image">${input.svg}</div>
<figcaption>${h(input.caption)}</figcaption>
<details class="chart-data"><summary>Show the data as a table</summary>${input.table}</details>
</figure>`;
}

/** Plain text with line breaks kept (update answers are multi-line). */
export const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${h(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
