import { describe, expect, it } from "vitest";
import {
  ACTOR_ROLES,
  COMMAND_ACTORS,
  COMMAND_KEYS,
  COMMAND_TYPES,
  REQUEST_STATES,
  TRANSITIONS,
  availableCommands,
  canApply,
  carriesTraffic,
  commandFromKey,
  commandKey,
  findTransition,
  initialState,
  isTerminal,
  parseAzureConnectionStatus,
  transition,
  type ActorRole,
  type CommandKey,
  type IllegalTransitionCode,
  type RequestState,
} from "./connection-lifecycle";

/**
 * The specification, written out by hand: for every state and every command, the state it leads
 * to, or the code of the refusal. The implementation's TRANSITIONS table must agree with it.
 */
type Outcome = RequestState | IllegalTransitionCode;
const SPEC: Record<RequestState, Record<CommandKey, Outcome>> = {
  Filed: {
    submit: "Creating",
    creationSucceeded: "not_created_yet",
    creationFailed: "not_created_yet",
    retry: "not_created_yet",
    discard: "Withdrawn",
    approve: "not_created_yet",
    reject: "not_created_yet",
    disconnect: "not_created_yet",
    withdraw: "not_created_yet",
    "observedInAzure:Pending": "inconsistent_observation",
    "observedInAzure:Approved": "inconsistent_observation",
    "observedInAzure:Rejected": "inconsistent_observation",
    "observedInAzure:Disconnected": "inconsistent_observation",
    "observedInAzure:Deleted": "inconsistent_observation",
  },
  Creating: {
    submit: "creation_in_progress",
    creationSucceeded: "Pending",
    creationFailed: "Failed",
    retry: "creation_in_progress",
    discard: "creation_in_progress",
    approve: "creation_in_progress",
    reject: "creation_in_progress",
    disconnect: "creation_in_progress",
    withdraw: "creation_in_progress",
    "observedInAzure:Pending": "Pending",
    "observedInAzure:Approved": "Approved",
    "observedInAzure:Rejected": "Rejected",
    "observedInAzure:Disconnected": "Disconnected",
    "observedInAzure:Deleted": "Creating",
  },
  Pending: {
    submit: "endpoint_exists",
    creationSucceeded: "endpoint_exists",
    creationFailed: "endpoint_exists",
    retry: "endpoint_exists",
    discard: "endpoint_exists",
    approve: "Approved",
    reject: "Rejected",
    disconnect: "Disconnected",
    withdraw: "Withdrawn",
    "observedInAzure:Pending": "Pending",
    "observedInAzure:Approved": "Approved",
    "observedInAzure:Rejected": "Rejected",
    "observedInAzure:Disconnected": "Disconnected",
    "observedInAzure:Deleted": "Withdrawn",
  },
  Approved: {
    submit: "endpoint_exists",
    creationSucceeded: "endpoint_exists",
    creationFailed: "endpoint_exists",
    retry: "endpoint_exists",
    discard: "endpoint_exists",
    approve: "Approved",
    reject: "approved_use_disconnect",
    disconnect: "Disconnected",
    withdraw: "Withdrawn",
    "observedInAzure:Pending": "inconsistent_observation",
    "observedInAzure:Approved": "Approved",
    "observedInAzure:Rejected": "Rejected",
    "observedInAzure:Disconnected": "Disconnected",
    "observedInAzure:Deleted": "Withdrawn",
  },
  Rejected: {
    submit: "already_rejected",
    creationSucceeded: "already_rejected",
    creationFailed: "already_rejected",
    retry: "already_rejected",
    discard: "already_rejected",
    approve: "already_rejected",
    reject: "Rejected",
    disconnect: "already_rejected",
    withdraw: "Withdrawn",
    "observedInAzure:Pending": "inconsistent_observation",
    "observedInAzure:Approved": "inconsistent_observation",
    "observedInAzure:Rejected": "Rejected",
    "observedInAzure:Disconnected": "Rejected",
    "observedInAzure:Deleted": "Withdrawn",
  },
  Disconnected: {
    submit: "already_disconnected",
    creationSucceeded: "already_disconnected",
    creationFailed: "already_disconnected",
    retry: "already_disconnected",
    discard: "already_disconnected",
    approve: "already_disconnected",
    reject: "already_disconnected",
    disconnect: "Disconnected",
    withdraw: "Withdrawn",
    "observedInAzure:Pending": "inconsistent_observation",
    "observedInAzure:Approved": "inconsistent_observation",
    "observedInAzure:Rejected": "inconsistent_observation",
    "observedInAzure:Disconnected": "Disconnected",
    "observedInAzure:Deleted": "Withdrawn",
  },
  Failed: {
    submit: "creation_failed",
    creationSucceeded: "creation_failed",
    creationFailed: "creation_failed",
    retry: "Creating",
    discard: "Withdrawn",
    approve: "creation_failed",
    reject: "creation_failed",
    disconnect: "creation_failed",
    withdraw: "creation_failed",
    "observedInAzure:Pending": "Pending",
    "observedInAzure:Approved": "Approved",
    "observedInAzure:Rejected": "Rejected",
    "observedInAzure:Disconnected": "Disconnected",
    "observedInAzure:Deleted": "Failed",
  },
  Withdrawn: {
    submit: "already_withdrawn",
    creationSucceeded: "already_withdrawn",
    creationFailed: "already_withdrawn",
    retry: "already_withdrawn",
    discard: "Withdrawn",
    approve: "already_withdrawn",
    reject: "already_withdrawn",
    disconnect: "already_withdrawn",
    withdraw: "Withdrawn",
    "observedInAzure:Pending": "inconsistent_observation",
    "observedInAzure:Approved": "inconsistent_observation",
    "observedInAzure:Rejected": "inconsistent_observation",
    "observedInAzure:Disconnected": "inconsistent_observation",
    "observedInAzure:Deleted": "Withdrawn",
  },
};

const isState = (o: Outcome): o is RequestState => (REQUEST_STATES as readonly string[]).includes(o);

/** Every (state, command) pair, with an actor the command allows. */
const PAIRS = REQUEST_STATES.flatMap((from) =>
  COMMAND_KEYS.map((key) => {
    const command = commandFromKey(key);
    const role = COMMAND_ACTORS[command.type][0]!;
    return { from, key, command, role, expected: SPEC[from][key] };
  }),
);

describe("the transition table", () => {
  it("enumerates 8 states × 14 commands", () => {
    expect(REQUEST_STATES).toHaveLength(8);
    expect(COMMAND_KEYS).toHaveLength(14);
    expect(PAIRS).toHaveLength(112);
  });

  it("lists exactly the legal pairs of the specification", () => {
    const legal = PAIRS.filter((p) => isState(p.expected)).map((p) => `${p.from} --${p.key}--> ${p.expected}`);
    const table = TRANSITIONS.map((t) => `${t.from} --${t.command}--> ${t.to}`);
    expect([...table].sort()).toEqual([...legal].sort());
    expect(new Set(table).size).toBe(table.length);
  });

  it("explains every transition", () => {
    for (const t of TRANSITIONS) expect(t.why.length, `${t.from} ${t.command}`).toBeGreaterThan(5);
  });

  it.each(PAIRS.filter((p) => isState(p.expected)))("$from --$key--> $expected (as $role)", ({ from, command, role, expected, key }) => {
    const result = transition(from, command, { actor: { role } });
    expect(result).toEqual({ ok: true, from, to: expected, command: key, changed: expected !== from });
    expect(findTransition(from, key)?.to).toBe(expected);
  });

  it.each(PAIRS.filter((p) => !isState(p.expected)))("$from --$key--> refused: $expected", ({ from, command, role, expected, key }) => {
    const result = transition(from, command, { actor: { role, name: "Sam" } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result).toMatchObject({ kind: "IllegalTransition", code: expected, from, command: key, actorRole: role });
    expect(result.message.length).toBeGreaterThan(30);
    expect(findTransition(from, key)).toBeUndefined();
  });
});

describe("actors", () => {
  const ALLOWED: Record<(typeof COMMAND_TYPES)[number], readonly ActorRole[]> = {
    submit: ["consumer", "system"],
    creationSucceeded: ["system"],
    creationFailed: ["system"],
    retry: ["consumer", "system"],
    discard: ["consumer"],
    approve: ["provider", "system"],
    reject: ["provider"],
    disconnect: ["provider"],
    withdraw: ["consumer"],
    observedInAzure: ["system"],
  };

  it("matches the specification", () => {
    expect(COMMAND_ACTORS).toEqual(ALLOWED);
  });

  const cases = COMMAND_KEYS.flatMap((key) => ACTOR_ROLES.map((role) => ({ key, role, allowed: ALLOWED[commandFromKey(key).type].includes(role) })));
  it.each(cases.filter((c) => !c.allowed))("$role may not $key", ({ key, role }) => {
    // Check in every state: the actor check comes before the state check.
    for (const from of REQUEST_STATES) {
      const result = transition(from, commandFromKey(key), { actor: { role } });
      expect(result.ok === false && result.code, `${from}`).toBe("actor_not_allowed");
    }
  });

  it("names who may act in the refusal", () => {
    const result = transition("Pending", { type: "approve" }, { actor: { role: "consumer", name: "Ann" } });
    expect(result.ok === false && result.message).toBe("Only the provider or Crosslink itself can approve a request; the consumer can't.");
  });
});

describe("messages", () => {
  it("names who rejected when approving a rejected request", () => {
    const result = transition("Rejected", { type: "approve" }, { actor: { role: "provider", name: "Sam" }, decidedBy: "Priya Patel" });
    expect(result.ok === false && result.message).toBe(
      "This request was already rejected by Priya Patel; a rejected connection cannot be approved — the consumer must create a new private endpoint.",
    );
  });

  it("leaves the name out when it isn't known", () => {
    const result = transition("Rejected", { type: "approve" }, { actor: { role: "provider" } });
    expect(result.ok === false && result.message).toMatch(/^This request was already rejected; a rejected connection cannot be approved/);
  });

  it("points to disconnect when rejecting an approved connection", () => {
    const result = transition("Approved", { type: "reject" }, { actor: { role: "provider" }, decidedBy: "Priya Patel" });
    expect(result.ok === false && result.message).toBe(
      "This connection is already approved by Priya Patel. Azure doesn't reliably support rejecting an approved connection; disconnect it to end access.",
    );
  });

  it.each([
    ["Filed", "withdraw", "discard it instead"],
    ["Failed", "withdraw", "discard the request instead"],
    ["Pending", "discard", "withdraw the request to delete it"],
    ["Creating", "approve", "once it shows as Pending"],
    ["Disconnected", "approve", "can't be approved again"],
    ["Failed", "submit", "retry it instead"],
  ] as const)("%s + %s says “%s”", (from, type, text) => {
    const role = COMMAND_ACTORS[type][0]!;
    const result = transition(from, { type }, { actor: { role } });
    expect(result.ok === false && result.message).toContain(text);
  });

  it("calls an impossible observation a stale read", () => {
    const result = transition("Approved", { type: "observedInAzure", status: "Pending" }, { actor: { role: "system" } });
    expect(result.ok === false && result.message).toContain("stale read");
  });
});

describe("helpers", () => {
  it("round-trips command keys", () => {
    for (const key of COMMAND_KEYS) expect(commandKey(commandFromKey(key))).toBe(key);
  });

  it("canApply agrees with transition", () => {
    expect(canApply("Pending", { type: "approve" }, "provider")).toBe(true);
    expect(canApply("Approved", { type: "approve" }, "provider")).toBe(true); // no-op
    expect(canApply("Rejected", { type: "approve" }, "provider")).toBe(false);
    expect(canApply("Pending", { type: "approve" }, "consumer")).toBe(false);
  });

  it.each([
    ["Filed", "consumer", ["submit", "discard"]],
    ["Filed", "provider", []],
    ["Pending", "provider", ["approve", "reject", "disconnect"]],
    ["Pending", "consumer", ["withdraw"]],
    ["Pending", "system", ["approve"]],
    ["Approved", "provider", ["disconnect"]],
    ["Approved", "consumer", ["withdraw"]],
    ["Rejected", "provider", []],
    ["Rejected", "consumer", ["withdraw"]],
    ["Disconnected", "consumer", ["withdraw"]],
    ["Failed", "consumer", ["retry", "discard"]],
    ["Failed", "system", ["retry"]],
    ["Creating", "system", ["creationSucceeded", "creationFailed"]],
    ["Withdrawn", "consumer", []],
  ] as const)("in %s a %s can %j", (state, role, commands) => {
    expect(availableCommands(state, role)).toEqual(commands);
  });

  it.each([
    ["Filed", false],
    ["Creating", false],
    ["Pending", false],
    ["Approved", false],
    ["Rejected", true],
    ["Disconnected", true],
    ["Failed", false],
    ["Withdrawn", true],
  ] as const)("%s is terminal: %s", (state, terminal) => {
    expect(isTerminal(state)).toBe(terminal);
  });

  it("only Approved carries traffic", () => {
    expect(REQUEST_STATES.filter(carriesTraffic)).toEqual(["Approved"]);
  });

  it.each([
    ["Pending", "Pending"],
    ["approved", "Approved"],
    [" REJECTED ", "Rejected"],
    ["Disconnected", "Disconnected"],
    ["Removed", "Disconnected"],
    ["Unknown", undefined],
    ["", undefined],
    [null, undefined],
  ] as const)("reads Azure status %j as %s", (raw, status) => {
    expect(parseAzureConnectionStatus(raw)).toBe(status);
  });

  it("starts portal requests as Filed and discovered ones in Azure's state", () => {
    expect(initialState("portal")).toBe("Filed");
    expect(initialState("portal", "Approved")).toBe("Filed");
    expect(initialState("discovered")).toBe("Pending");
    expect(initialState("discovered", "Approved")).toBe("Approved");
  });
});
