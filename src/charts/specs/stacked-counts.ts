import type { Chart } from "../render-svg.js";
import { CHART_CONFIG, shortMonth } from "./theme.js";

/** One kind of segment: its name (legend and label), its short word in a label, its fill. */
export type SegmentKind = { name: string; word: string; colour: string };

const WIDTH = 520;

/** "3 late" where the segment has room, the bare count where it has a little, nothing where it has none. */
function segmentLabel(count: number, px: number, word: string): string {
  if (count === 0 || px < 14) return "";
  return px >= 9 * (String(count).length + word.length + 1) ? `${count} ${word}` : String(count);
}

/**
 * Counts of teams per month as horizontal stacked bars. Each segment is labelled with its count (and
 * its kind, where it fits) and the segments always stack in the same order, so the bars read without
 * colour; the table under the chart has every number.
 */
export function stackedCountsChart(input: {
  rows: { month: string; counts: number[] }[];
  kinds: SegmentKind[];
  axisTitle: string;
  title?: string;
}): Chart {
  const values = input.rows.flatMap((r) => {
    const total = r.counts.reduce((a, b) => a + b, 0) || 1;
    return input.kinds.map((kind, order) => {
      const count = r.counts[order] ?? 0;
      return {
        m: shortMonth(r.month),
        kind: kind.name,
        order,
        count,
        label: segmentLabel(count, (count / total) * WIDTH, kind.word),
      };
    });
  });
  const x = {
    field: "count",
    type: "quantitative",
    stack: "zero",
    title: input.axisTitle,
    axis: { tickMinStep: 1, format: "d" },
  } as const;
  const y = {
    field: "m",
    type: "ordinal",
    scale: { domain: input.rows.map((r) => shortMonth(r.month)) },
    title: null,
  } as const;
  return {
    data: { counts: values },
    spec: {
      ...(input.title ? { title: input.title } : {}),
      config: CHART_CONFIG,
      data: { name: "counts" },
      width: WIDTH,
      height: { step: 30 },
      transform: [{ filter: "datum.count > 0" }],
      layer: [
        {
          mark: { type: "bar", stroke: "#57606a", strokeWidth: 0.5 },
          encoding: {
            x,
            y,
            order: { field: "order" },
            color: {
              field: "kind",
              type: "nominal",
              title: null,
              scale: { domain: input.kinds.map((k) => k.name), range: input.kinds.map((k) => k.colour) },
            },
          },
        },
        {
          mark: { type: "text", fontSize: 11 },
          encoding: {
            x: { ...x, bandPosition: 0.5 },
            y,
            order: { field: "order" },
            detail: { field: "kind" },
            text: { field: "label" },
          },
        },
      ],
    } as Chart["spec"],
  };
}
