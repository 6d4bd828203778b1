import { describe, expect, it } from "vitest";
import { formSummary } from "./action-summary";

describe("formSummary", () => {
  it("says a refusal of the whole form in the message, with no field left to highlight", () => {
    const result = formSummary({ form: "This route is paused or disabled: resume it, then send the test event." });
    expect(result).toEqual({ message: "This route is paused or disabled: resume it, then send the test event." });
    expect(result.fieldErrors).toBeUndefined();
  });

  it("keeps the other fields' messages next to their fields", () => {
    expect(formSummary({ form: "Not saved.", target: "Use https://." })).toEqual({ message: "Not saved. Check the highlighted fields.", fieldErrors: { target: "Use https://." } });
  });

  it("points field-only refusals at their fields, keeping every field's message", () => {
    const fields = { name: "Give the route a name." };
    expect(formSummary(fields)).toEqual({ message: "Check the highlighted fields.", fieldErrors: fields });
  });
});
