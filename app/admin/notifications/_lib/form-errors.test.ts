import { describe, expect, it } from "vitest";
import type { ActionError } from "@/app/_lib/action";
import { formLevelMessage } from "./form-errors";

const refusal = (fieldErrors?: Record<string, string>): ActionError => ({ ok: false, status: 400, code: "validation", message: "Check the highlighted fields.", fieldErrors, requestId: "r1" });

describe("formLevelMessage", () => {
  it("says a refusal of the whole form in the message, with no field left to highlight", () => {
    const result = formLevelMessage(refusal({ form: "This route is paused or disabled: resume it, then send the test event." }));
    expect(result).toMatchObject({ ok: false, message: "This route is paused or disabled: resume it, then send the test event.", fieldErrors: undefined });
  });

  it("keeps the other fields' messages next to their fields", () => {
    const result = formLevelMessage(refusal({ form: "Not saved.", target: "Use https://." }));
    expect(result).toMatchObject({ message: "Not saved. Check the highlighted fields.", fieldErrors: { target: "Use https://." } });
  });

  it("leaves successes and field-only refusals as they are", () => {
    const ok = { ok: true as const, message: "Saved." };
    expect(formLevelMessage(ok)).toBe(ok);
    const fields = refusal({ name: "Give the route a name." });
    expect(formLevelMessage(fields)).toBe(fields);
  });
});
