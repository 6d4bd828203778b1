import { describe, expect, it } from "vitest";
import { COMMAND_ACTORS, findTransition, REQUEST_STATES } from "./connection-lifecycle";
import { ACTION_WORDS, DECISIONS, decisionHeadline, ENDPOINT_WORDS, inProgressLabel, possessive, REQUEST_ACTIONS, STATE_WORDS, wordsFor } from "./request-words";

describe("request words", () => {
  it("name and explain every state, for both sides", () => {
    for (const state of REQUEST_STATES) {
      expect(STATE_WORDS[state].label).toBe(state);
      expect(STATE_WORDS[state].forConsumer).toMatch(/\.$/);
      expect(STATE_WORDS[state].forProvider).toMatch(/\.$/);
    }
  });

  it("cover every command people issue, and each leads where the lifecycle says", () => {
    for (const action of REQUEST_ACTIONS) {
      expect(COMMAND_ACTORS[action], action).toBeDefined();
      const words = ACTION_WORDS[action];
      // From some state, the command reaches the state the words promise.
      expect(REQUEST_STATES.some((from) => findTransition(from, action)?.to === words.leadsTo), action).toBe(true);
      expect(words.verb.toLowerCase()).toBe(action);
      expect(words.past).toBe(words.past.toLowerCase());
      expect(words.doing).toMatch(/ing$/);
    }
  });

  it("say the decisions the way the provider's screens do", () => {
    expect(DECISIONS.map((d) => ACTION_WORDS[d].noun)).toEqual(["Approval", "Rejection", "Disconnection"]);
    expect(DECISIONS.map((d) => ACTION_WORDS[d].past)).toEqual(["approved", "rejected", "disconnected"]);
    expect(DECISIONS.map((d) => ACTION_WORDS[d].inProgress)).toEqual(["Approving in Azure…", "Rejecting in Azure…", "Disconnecting in Azure…"]);
    // The difference between rejecting and disconnecting a Pending request is said, not implied.
    expect(ACTION_WORDS.reject.meaning).toContain("marked Rejected");
    expect(ACTION_WORDS.disconnect.meaning).toContain("Removes the connection from your resource");
  });

  it("read a stored pending action, and fall back for an unknown one", () => {
    expect(wordsFor("reject")?.doing).toBe("rejecting");
    expect(wordsFor("withdraw")?.progress).toBe("Deleting the private endpoint in Azure…");
    expect(wordsFor("teleport")).toBeUndefined();
    expect(wordsFor(null)).toBeUndefined();
    // Not an inherited property either.
    expect(wordsFor("toString")).toBeUndefined();
    expect(inProgressLabel("disconnect")).toBe("Disconnecting in Azure…");
    expect(inProgressLabel("something-new")).toBe("Applying in Azure…");
  });

  it("headline the last decision by where it stands", () => {
    expect(decisionHeadline("Pending", "reject")).toBe("Rejection");
    expect(decisionHeadline("Rejected", null)).toBe("Rejected");
    expect(decisionHeadline("Approved", null)).toBe("Approved");
    expect(decisionHeadline("Disconnected", null)).toBe("Disconnected");
    expect(decisionHeadline("Pending", null)).toBe("Last attempt (failed)");
    expect(decisionHeadline("Withdrawn", null)).toBe("Last decision");
  });

  it("say what became of an endpoint", () => {
    expect(ENDPOINT_WORDS.deleted).toContain("Deleted");
  });

  it("make possessives, without 's after a final s", () => {
    expect(possessive("Contoso")).toBe("Contoso's");
    expect(possessive("Northwind Traders")).toBe("Northwind Traders'");
    expect(possessive("Fabrikam ")).toBe("Fabrikam's");
    expect(possessive("LITWARE INDUSTRIES")).toBe("LITWARE INDUSTRIES'");
  });
});
