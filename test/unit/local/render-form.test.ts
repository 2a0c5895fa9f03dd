import { describe, expect, it } from "vitest";
import type { FormView } from "../../../src/core/forms/form.js";
import { renderHtmlForm } from "../../../src/platforms/local/render/render-form.js";

const view: FormView = {
  form: {
    id: "progress-update",
    title: 'Update <for> "you"',
    submitLabel: "Submit <now>",
    fields: [
      { id: "rag", label: "Status", kind: "select", required: true, options: [{ value: 'on"track', label: "<On>" }] },
      { id: "progress", label: "Progress", kind: "textarea", required: true, hint: "One <b>line</b>", maxLength: 1500 },
      { id: "people", label: "People", kind: "number", required: true, min: 0 },
      { id: "measure", label: "Measure", kind: "text", required: false, placeholder: 'e.g. "64%"' },
    ],
  },
  intro: "Tower Hamlets <team>, due Wed 30 Nov",
  values: { rag: 'on"track', progress: "</textarea><script>x</script>", people: '"><img>' },
  context: "secret-context",
};

describe("renderHtmlForm", () => {
  it("renders labelled fields with every string escaped", () => {
    const html = renderHtmlForm(view);
    expect(html).not.toMatch(/<script>|<img>|<b>line|<On>|<for>|<team>/);
    expect(html).toContain('<h2 id="dialog-title">Update &lt;for&gt; &quot;you&quot;</h2>');
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>");
    expect(html).toContain('value="&quot;&gt;&lt;img&gt;"');
    expect(html).toContain('<option value="on&quot;track" selected>&lt;On&gt;</option>');
    expect(html).toContain('<label for="field-progress">Progress');
    expect(html).toContain('aria-describedby="field-progress-hint"');
    expect(html).toContain('maxlength="1500"');
    expect(html).toContain("Submit &lt;now&gt;</button>");
    expect(html).toContain('placeholder="e.g. &quot;64%&quot;"');
    // The core's context never goes to the page: the server keeps it.
    expect(html).not.toContain("secret-context");
  });

  it("shows field errors inline and a whole-form error as an alert", () => {
    const html = renderHtmlForm(view, { people: "Enter a whole <number>", _form: "Locked <now>" });
    expect(html).toContain('<p class="form-error" role="alert">Locked &lt;now&gt;</p>');
    expect(html).toContain('aria-invalid="true" aria-describedby="field-people-error"');
    expect(html).toContain('<p class="field-error" id="field-people-error">Enter a whole &lt;number&gt;</p>');
    expect(html.match(/aria-invalid/g)).toHaveLength(1);
  });
});
