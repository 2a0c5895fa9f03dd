import { Resvg } from "@resvg/resvg-js";

/**
 * SVG → PNG for chat (Slack and Teams show pictures, not SVG). resvg ships a prebuilt binary in its npm
 * package; text uses the machine's fonts (DejaVu/Liberation on Debian), falling back to any sans-serif.
 */
export function svgToPng(svg: string, options: { width?: number } = {}): Buffer {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: options.width ? { mode: "width", value: options.width } : { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
