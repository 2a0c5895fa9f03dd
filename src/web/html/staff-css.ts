/**
 * One stylesheet for the staff pages (served as /staff/static/staff.css) and the report (inlined, so the
 * file stands alone). The print rules give clean pages from any browser's "Print → PDF".
 */
export const STAFF_CSS = `
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #f6f8fa; --accent: #1f5fa8; --warn: #8a4600; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, summary:focus-visible, textarea:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip-link:focus { left: 1rem; z-index: 10; }
header.top { background: var(--bg); border-bottom: 1px solid var(--line); padding: 1rem 1.5rem; display: flex; flex-wrap: wrap; gap: .5rem 2rem; align-items: baseline; justify-content: space-between; }
header.top .brand { font-size: 1.1rem; margin: 0; }
header.top .who { margin: 0; color: var(--muted); }
nav.pages ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; padding: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .5rem; padding-top: .5rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.lede { color: var(--muted); margin-top: 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: .75rem; padding: 0; margin: 1rem 0; list-style: none; }
.tiles li { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: var(--bg); }
.tiles .figure { display: block; font-size: 1.4rem; font-weight: 700; }
.tiles .label { color: var(--muted); font-size: .9rem; }
figure.chart { margin: 1rem 0 1.5rem; }
.chart-image { overflow-x: auto; }
.chart-image svg { max-width: 100%; height: auto; }
figcaption { color: var(--ink); font-size: .95rem; max-width: 75ch; margin-top: .25rem; }
details.chart-data { margin-top: .4rem; }
details summary { cursor: pointer; color: var(--accent); }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--bg); }
.table-wrap { overflow-x: auto; }
.rag { display: inline-block; min-width: 1.6em; text-align: center; font-weight: 700; border: 1px solid #8c959f; border-radius: 3px; padding: 0 .25em; }
.rag-G { background: #9ad0b1; } .rag-A { background: #ffcf70; } .rag-R { background: #f29a9a; }
.status-failed { color: #a40e26; font-weight: 600; } .status-skipped { color: var(--warn); }
.notice { border-left: 4px solid var(--accent); background: #eef4fb; padding: .6rem .9rem; }
.notice.error { border-color: #a40e26; background: #fdf0f2; }
.empty, .note { color: var(--muted); }
.question { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
.question blockquote { margin: 0 0 .5rem; font-size: 1.05rem; }
.question label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
.question textarea { width: 100%; min-height: 5rem; font: inherit; padding: .4rem; border: 1px solid var(--muted); border-radius: 4px; }
button { font: inherit; padding: .4rem 1rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; margin-top: .5rem; }
.update { border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
.update dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; margin: .5rem 0; }
.update dt { font-weight: 600; } .update dd { margin: 0; }
.update dd p { margin: 0 0 .4rem; }
.versions li { margin-bottom: .25rem; }
.team-section { margin-top: 2.5rem; }
.report-cover { border-bottom: 3px solid var(--ink); padding-bottom: 1rem; margin-bottom: 1rem; }
.report-cover + h2 { border-top: none; }
ul.plain { padding-left: 1.2rem; }
@media print {
  @page { margin: 15mm 12mm; }
  body { font-size: 10.5pt; }
  header.top nav, .skip-link, form, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table, .update, .tiles li { break-inside: avoid; page-break-inside: avoid; }
  .team-section { break-before: page; page-break-before: always; }
  details.chart-data > summary { display: none; }
  details.chart-data:not([open]) > *:not(summary) { display: block; }
  .chart-image { overflow: visible; }
}
`;
