import { describe, expect, it } from "vitest";
import { finishSvg, renderSvg } from "../../../src/charts/render-svg.js";
import { ragGridSpec } from "../../../src/charts/specs/rag-grid.js";
import { runChart } from "../../../src/charts/specs/run-chart.js";
import { spendChart } from "../../../src/charts/specs/spend.js";
import { svgToPng } from "../../../src/charts/svg-to-png.js";

const months = ["2022-10", "2022-11", "2022-12"];

describe("charts drawn on the server", () => {
  it("renders a run chart to SVG named by its text alternative, with the median and signal markers", async () => {
    const svg = await renderSvg(
      runChart({
        months,
        percent: true,
        median: 55,
        points: [
          { month: "2022-10", value: 50, signal: null },
          { month: "2022-11", value: 55, signal: "trend" },
          { month: "2022-12", value: 60, signal: "shift" },
        ],
      }),
      'Run chart of "referrals" <seen>',
    );
    expect(svg.startsWith('<svg role="img" aria-label="Run chart of &quot;referrals&quot; &lt;seen>"')).toBe(true);
    expect(svg).toContain("median 55%");
    expect(svg).toContain("Part of a trend");
    expect(svg).not.toMatch(/<script| style="/);
  });

  it("writes RAG letters and 'late' into the grid's cells, not only colours", async () => {
    const svg = await renderSvg(
      ragGridSpec(
        [
          { team: "A & B", month: "2022-10", state: "On track", late: false },
          { team: "A & B", month: "2022-11", state: "Off track", late: true },
          { team: "A & B", month: "2022-12", state: "Not submitted", late: false },
        ],
        months,
      ),
      "grid",
    );
    for (const text of [">G<", ">R late<", ">none<", "A &amp; B"]) expect(svg).toContain(text);
  });

  it("gives every chart its own clip-path ids, so two charts on one page do not clash", () => {
    const raw = '<svg x="1"><g clip-path="url(#clip1)"></g><clipPath id="clip1"></clipPath></svg>';
    const a = finishSvg(raw, "a", "c1");
    const b = finishSvg(raw, "b", "c2");
    expect(a).toContain('id="c1-clip1"');
    expect(a).toContain("url(#c1-clip1)");
    expect(b).toContain('id="c2-clip1"');
  });

  it("orders 1,000 categories (a sort array of that size overflowed vega's expression parser)", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      name: `Team ${i}`,
      spent: i,
      award: 10_000,
      expected: 5000,
    }));
    const svg = await renderSvg(spendChart(rows), "spend");
    expect(svg.indexOf(">Team 0<")).toBeLessThan(svg.indexOf(">Team 999<"));
  }, 60_000);

  it("turns SVG into a PNG for chat", async () => {
    const svg = await renderSvg(
      ragGridSpec([{ team: "T", month: "2022-10", state: "At risk", late: false }], months),
      "x",
    );
    const png = await svgToPng(svg);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  });
});
