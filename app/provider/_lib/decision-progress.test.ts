import { describe, expect, it } from "vitest";
import { decisionProgress } from "./decision-progress";

/** A decision recorded on version 4: the server's answer, then what the list shows as Azure works. */
const answer = "Recorded. Crosslink is applying it in Azure.";
const row = (state: string, version: number, pending = false, lastError: string | null = null) => ({ state, version, pending, lastError });

describe("decisionProgress", () => {
  it("keeps the server's answer while the list is from before the decision or Azure is still at it", () => {
    expect(decisionProgress("reject", answer, 4, row("Pending", 4))).toEqual({ phase: "applying", text: answer });
    expect(decisionProgress("reject", answer, 4, row("Pending", 5, true))).toEqual({ phase: "applying", text: answer });
  });

  it("stops saying Crosslink is applying it once the request has settled", () => {
    const done = decisionProgress("reject", answer, 4, row("Rejected", 6));
    expect(done).toEqual({ phase: "applied", text: "Recorded. Azure has applied it: the request is now Rejected." });
    expect(done.text).not.toContain("applying");
  });

  it("says when Azure refused it, or the request changed otherwise", () => {
    expect(decisionProgress("approve", answer, 4, row("Pending", 6, false, "Forbidden"))).toEqual({ phase: "refused", text: "Recorded, but Azure did not apply it: Forbidden" });
    expect(decisionProgress("approve", answer, 4, row("Withdrawn", 6))).toEqual({ phase: "changed", text: "Recorded. The request has changed since: it is now Withdrawn." });
  });

  it("says nothing about Azure once the request has left the list", () => {
    expect(decisionProgress("disconnect", answer, 4, undefined)).toEqual({ phase: "gone", text: "Recorded. It has left this list since; open the request to see where it stands." });
  });

  it("keeps a no-op's answer: nothing was recorded, so the version never moves", () => {
    const noop = "It is already in that state; nothing to do.";
    expect(decisionProgress("approve", noop, 4, row("Approved", 4)).text).toBe(noop);
  });
});
