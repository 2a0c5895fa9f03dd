type Resvg = typeof import("@resvg/resvg-js").Resvg;
let resvg: Promise<Resvg> | undefined;

/**
 * SVG → PNG for chat (Slack and Teams show pictures, not SVG). resvg ships a prebuilt binary in its npm
 * package, loaded on first use rather than at server start. Text uses the machine's fonts
 * (DejaVu/Liberation on Debian), falling back to any sans-serif.
 */
export async function svgToPng(svg: string, options: { width?: number } = {}): Promise<Buffer> {
  resvg ??= import("@resvg/resvg-js").then((m) => m.Resvg);
  const Renderer = await resvg;
  const image = new Renderer(svg, {
    background: "white",
    fitTo: options.width ? { mode: "width", value: options.width } : { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return image.render().asPng();
}
