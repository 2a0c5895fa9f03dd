import type { TopLevelSpec } from "vega-lite";

/**
 * A chart: a Vega-Lite spec whose data sources are named (`data: { name: "points" }`) and the rows for
 * each name. Keeping data out of the spec lets one compiled chart serve every team.
 */
export type Chart = { spec: TopLevelSpec; data: Record<string, unknown[]> };

type Engines = { vega: typeof import("vega"); vl: typeof import("vega-lite") };
type Runtime = ReturnType<Engines["vega"]["parse"]>;
let engines: Promise<Engines> | undefined;

/**
 * Vega and Vega-Lite are loaded on first use, not at server start: most requests never draw a chart,
 * and the two libraries cost ~0.3 s and ~30 MB to load.
 */
function load(): Promise<Engines> {
  engines ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vl]) => {
    // Pounds, not dollars, wherever a chart formats money with "$".
    vega.formatLocale({ decimal: ".", thousands: ",", grouping: [3], currency: ["£", ""] });
    return { vega, vl };
  });
  return engines;
}

/**
 * Compiled charts by spec. Compiling and parsing is ~60% of the cost of a small chart, and the same
 * spec (a team's run chart, with only the data changing) is drawn hundreds of times in a report.
 */
const runtimes = new Map<string, Runtime>();
const MAX_RUNTIMES = 64;
let serial = 0;

/**
 * Renders a chart to an SVG string on the server (no browser, no canvas). The result is ready to inline
 * in HTML: clip-path ids are made unique to this chart (vega numbers them per view, so two charts on
 * one page would clash), and the root element is one image named by `alt`, the chart's one-sentence
 * text alternative (pages also carry a data table).
 */
export async function renderSvg(chart: Chart, alt: string): Promise<string> {
  const { vega, vl } = await load();
  const key = JSON.stringify(chart.spec);
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = vega.parse(vl.compile(chart.spec).spec);
    if (runtimes.size >= MAX_RUNTIMES) runtimes.delete(runtimes.keys().next().value as string);
    runtimes.set(key, runtime);
  }
  const view = new vega.View(runtime, { renderer: "none" });
  try {
    for (const [name, rows] of Object.entries(chart.data))
      view.data(
        name,
        rows.map((r) => ({ ...(r as object) })),
      );
    const svg = await view.toSVG();
    return finishSvg(svg, alt, `c${++serial}`);
  } finally {
    view.finalize();
  }
}

export function finishSvg(svg: string, alt: string, prefix: string): string {
  const escaped = alt.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return (
    svg
      // The chart is one image named by `alt`; vega's per-mark roles and labels would make screen readers
      // walk hundreds of unnamed shapes (and empty mark groups fail axe's svg-img-alt).
      .replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, "")
      .replace(/id="(clip\d+|gradient_\d+)"/g, `id="${prefix}-$1"`)
      .replace(/url\(#(clip\d+|gradient_\d+)\)/g, `url(#${prefix}-$1)`)
      .replace(/^<svg /, `<svg role="img" aria-label="${escaped}" focusable="false" `)
  );
}
