import type { Config } from "vega-lite";

/**
 * Colours work with the letters and shapes drawn on top, never alone: every RAG cell also carries
 * G / A / R, every run-chart signal a different marker shape. Light fills keep black text readable;
 * the hues stay apart for the common colour-vision deficiencies (blue/orange rather than green/red
 * carry most of the contrast).
 */
export const STATE_COLOURS = {
  "On track": "#9ad0b1",
  "At risk": "#ffcf70",
  "Off track": "#f29a9a",
  "Not submitted": "#ffffff",
  "Not due yet": "#e8e8e8",
} as const;
export type StateName = keyof typeof STATE_COLOURS;

export const INK = "#1f2328";
export const MUTED = "#57606a";
export const ACCENT = "#1f5fa8";
export const ORANGE = "#b35a00";

export const FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

export const CHART_CONFIG: Config = {
  font: FONT,
  background: "white",
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    labelColor: INK,
    titleColor: INK,
    domainColor: MUTED,
    tickColor: MUTED,
  },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK, orient: "bottom" },
  title: { fontSize: 14, color: INK, anchor: "start" },
  text: { fontSize: 11, color: INK },
};

/** "2022-11" → "Nov 22": short enough for an axis of six months. */
export function shortMonth(month: string): string {
  const [y, m] = month.split("-");
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(m) - 1] ?? m} ${y?.slice(2) ?? ""}`;
}
