/**
 * The lifecycle of a Crosslink connection request, as a table-driven state machine.
 *
 * Crosslink's states wrap Azure's four (Pending, Approved, Rejected, Disconnected) with the ones
 * Azure doesn't have: Filed (recorded, endpoint not created yet), Creating (the Azure create is
 * running), Failed (creation failed: retry or discard) and Withdrawn (the consumer deleted the
 * endpoint, or discarded a request that never got one).
 *
 * Decisions taken where Azure's documentation is unclear:
 * - Re-approving an Approved connection is a no-op, not an error (some services error; Crosslink
 *   doesn't call Azure for it). Likewise re-rejecting, re-disconnecting, re-withdrawing.
 * - Crosslink never *issues* a reject on an Approved connection: some services refuse it and it
 *   is unconfirmed for Microsoft.Web. Disconnect is the dependable way to end an approved
 *   connection, so `reject` on Approved is an IllegalTransition that says so. If Azure itself
 *   reports an approved connection as Rejected (someone did it in the portal and Azure took it),
 *   the watcher's observation is mirrored: Azure is the source of truth.
 * - Rejected is terminal: it can't be approved; the consumer can only withdraw (delete the
 *   endpoint). If the provider later deletes a rejected connection, Azure shows the endpoint as
 *   Disconnected; Crosslink keeps "Rejected", the more informative of two dead ends.
 * - Disconnected is terminal except for the consumer's withdrawal.
 * - Observations Azure can't produce from the current state (Approved → Pending, Rejected →
 *   Approved, anything after Withdrawn) are refused as `inconsistent_observation`: most likely a
 *   stale read; the watcher logs it and checks again instead of rewriting history.
 * - A failed creation is not final for Azure: if the watcher later finds the endpoint (e.g. the
 *   create's polling timed out but Azure finished), the request follows what Azure reports.
 */

/** Crosslink's request states. */
export const REQUEST_STATES = ["Filed", "Creating", "Pending", "Approved", "Rejected", "Disconnected", "Failed", "Withdrawn"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Azure's connection states (privateLinkServiceConnectionState.status). */
export const AZURE_CONNECTION_STATUSES = ["Pending", "Approved", "Rejected", "Disconnected"] as const;
export type AzureConnectionStatus = (typeof AZURE_CONNECTION_STATUSES)[number];

/** What the watcher can observe: one of Azure's states, or that the private endpoint is gone. */
export const OBSERVED_STATUSES = [...AZURE_CONNECTION_STATUSES, "Deleted"] as const;
export type ObservedStatus = (typeof OBSERVED_STATUSES)[number];

/** Who issues a command. `system`: Crosslink itself (creator, watcher, approval policies). */
export const ACTOR_ROLES = ["consumer", "provider", "system"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** The commands, without their arguments. */
export const COMMAND_TYPES = [
  "submit",
  "creationSucceeded",
  "creationFailed",
  "retry",
  "discard",
  "approve",
  "reject",
  "disconnect",
  "withdraw",
  "observedInAzure",
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** A command. `observedInAzure` carries what the watcher saw. */
export type Command = { type: Exclude<CommandType, "observedInAzure"> } | { type: "observedInAzure"; status: ObservedStatus };

/** A command as a table key: `observedInAzure` is split by status. */
export type CommandKey = Exclude<CommandType, "observedInAzure"> | `observedInAzure:${ObservedStatus}`;

/** Every command key, for enumeration (tests, docs). */
export const COMMAND_KEYS: readonly CommandKey[] = [
  ...COMMAND_TYPES.filter((t): t is Exclude<CommandType, "observedInAzure"> => t !== "observedInAzure"),
  ...OBSERVED_STATUSES.map((s) => `observedInAzure:${s}` as const),
];

/** The table key of a command. */
export function commandKey(command: Command): CommandKey {
  return command.type === "observedInAzure" ? `observedInAzure:${command.status}` : command.type;
}

/** The command of a table key. */
export function commandFromKey(key: CommandKey): Command {
  if (key.startsWith("observedInAzure:")) {
    return { type: "observedInAzure", status: key.slice("observedInAzure:".length) as ObservedStatus };
  }
  return { type: key as Exclude<CommandType, "observedInAzure"> };
}

/**
 * Which actor may issue which command. Approve includes `system` for approval policies
 * (auto-approve listed tenants); retry includes `system` for automatic retries of transient
 * failures; submit includes `system` for the worker that picks up filed requests.
 */
export const COMMAND_ACTORS: Readonly<Record<CommandType, readonly ActorRole[]>> = {
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

/** One legal transition. `to === from` is a no-op: legal, nothing changes, nothing to call. */
export type Transition = { from: RequestState; command: CommandKey; to: RequestState; why: string };

const t = (from: RequestState, command: CommandKey, to: RequestState, why: string): Transition => ({ from, command, to, why });

/** Every legal transition. Any (state, command) pair not listed is an IllegalTransition. */
export const TRANSITIONS: readonly Transition[] = [
  t("Filed", "submit", "Creating", "Crosslink starts creating the private endpoint."),
  t("Filed", "discard", "Withdrawn", "The consumer drops a request that has no endpoint yet."),

  t("Creating", "creationSucceeded", "Pending", "The endpoint exists; a cross-tenant connection waits for the provider."),
  t("Creating", "creationFailed", "Failed", "Azure refused or the create failed."),
  t("Creating", "observedInAzure:Pending", "Pending", "The watcher saw the endpoint before the create reported back."),
  t("Creating", "observedInAzure:Approved", "Approved", "Auto-approved (the consumer has rights on the target) or approved very quickly."),
  t("Creating", "observedInAzure:Rejected", "Rejected", "Rejected before the create reported back."),
  t("Creating", "observedInAzure:Disconnected", "Disconnected", "Removed by the provider before the create reported back."),
  t("Creating", "observedInAzure:Deleted", "Creating", "Not there yet is expected while creating; the create's own result decides."),

  t("Pending", "approve", "Approved", "The provider approves."),
  t("Pending", "reject", "Rejected", "The provider rejects."),
  t("Pending", "disconnect", "Disconnected", "The provider deletes the pending connection."),
  t("Pending", "withdraw", "Withdrawn", "The consumer deletes the endpoint."),
  t("Pending", "observedInAzure:Pending", "Pending", "Nothing new."),
  t("Pending", "observedInAzure:Approved", "Approved", "Approved outside Crosslink (portal, CLI)."),
  t("Pending", "observedInAzure:Rejected", "Rejected", "Rejected outside Crosslink."),
  t("Pending", "observedInAzure:Disconnected", "Disconnected", "The provider deleted the connection outside Crosslink."),
  t("Pending", "observedInAzure:Deleted", "Withdrawn", "The consumer deleted the endpoint outside Crosslink."),

  t("Approved", "approve", "Approved", "Re-approval is a no-op."),
  t("Approved", "disconnect", "Disconnected", "The provider ends the connection (the dependable way)."),
  t("Approved", "withdraw", "Withdrawn", "The consumer deletes the endpoint."),
  t("Approved", "observedInAzure:Approved", "Approved", "Nothing new."),
  t("Approved", "observedInAzure:Rejected", "Rejected", "Rejected in Azure after approval, and Azure accepted it: mirror Azure."),
  t("Approved", "observedInAzure:Disconnected", "Disconnected", "The provider deleted the connection outside Crosslink."),
  t("Approved", "observedInAzure:Deleted", "Withdrawn", "The consumer deleted the endpoint outside Crosslink."),

  t("Rejected", "reject", "Rejected", "Re-rejection is a no-op."),
  t("Rejected", "withdraw", "Withdrawn", "The consumer deletes the rejected endpoint."),
  t("Rejected", "observedInAzure:Rejected", "Rejected", "Nothing new."),
  t("Rejected", "observedInAzure:Disconnected", "Rejected", "The provider deleted the rejected connection; the rejection is kept."),
  t("Rejected", "observedInAzure:Deleted", "Withdrawn", "The consumer deleted the endpoint outside Crosslink."),

  t("Disconnected", "disconnect", "Disconnected", "Re-disconnecting is a no-op."),
  t("Disconnected", "withdraw", "Withdrawn", "The consumer deletes the disconnected endpoint (only its owner can)."),
  t("Disconnected", "observedInAzure:Disconnected", "Disconnected", "Nothing new."),
  t("Disconnected", "observedInAzure:Deleted", "Withdrawn", "The consumer deleted the endpoint outside Crosslink."),

  t("Failed", "retry", "Creating", "Try the create again."),
  t("Failed", "discard", "Withdrawn", "The consumer gives up on a request that has no endpoint."),
  t("Failed", "observedInAzure:Pending", "Pending", "The create was reported failed but Azure has the endpoint (e.g. polling timed out)."),
  t("Failed", "observedInAzure:Approved", "Approved", "As above, and already approved."),
  t("Failed", "observedInAzure:Rejected", "Rejected", "As above, and already rejected."),
  t("Failed", "observedInAzure:Disconnected", "Disconnected", "As above, and already removed by the provider."),
  t("Failed", "observedInAzure:Deleted", "Failed", "No endpoint is what a failed create leaves."),

  t("Withdrawn", "withdraw", "Withdrawn", "Withdrawing twice is a no-op."),
  t("Withdrawn", "discard", "Withdrawn", "Discarding twice is a no-op."),
  t("Withdrawn", "observedInAzure:Deleted", "Withdrawn", "Nothing new."),
];

const BY_KEY = new Map(TRANSITIONS.map((tr) => [`${tr.from}|${tr.command}`, tr]));

/** The legal transition for (state, command), or undefined when the pair is illegal. */
export function findTransition(from: RequestState, command: CommandKey): Transition | undefined {
  return BY_KEY.get(`${from}|${command}`);
}

// ---------------------------------------------------------------- results

/** Who is acting, for permission checks and messages. */
export type Actor = { role: ActorRole; name?: string };

/**
 * Context for a transition. `decidedBy` is who took the request's last decision (who approved,
 * rejected or disconnected it), named in refusals: "already rejected by Priya Patel".
 */
export type TransitionContext = { actor: Actor; decidedBy?: string };

/** Codes of refusals. All but `actor_not_allowed` are conflicts with the request's state. */
export type IllegalTransitionCode =
  | "actor_not_allowed"
  | "not_created_yet"
  | "creation_in_progress"
  | "creation_failed"
  | "endpoint_exists"
  | "approved_use_disconnect"
  | "already_rejected"
  | "already_disconnected"
  | "already_withdrawn"
  | "inconsistent_observation";

/** A legal transition applied: `changed` is false for a no-op. */
export type TransitionOk = { ok: true; from: RequestState; to: RequestState; command: CommandKey; changed: boolean };

/** A refused command, with a message a UI can show as is. */
export type IllegalTransition = {
  ok: false;
  kind: "IllegalTransition";
  code: IllegalTransitionCode;
  from: RequestState;
  command: CommandKey;
  actorRole: ActorRole;
  message: string;
};

/** Applies `command` to a request in state `from`, on behalf of `ctx.actor`. Pure. */
export function transition(from: RequestState, command: Command, ctx: TransitionContext): TransitionOk | IllegalTransition {
  const key = commandKey(command);
  const refuse = (code: IllegalTransitionCode, message: string): IllegalTransition => ({
    ok: false,
    kind: "IllegalTransition",
    code,
    from,
    command: key,
    actorRole: ctx.actor.role,
    message,
  });
  if (!COMMAND_ACTORS[command.type].includes(ctx.actor.role)) {
    return refuse("actor_not_allowed", actorNotAllowedMessage(command.type, ctx.actor.role));
  }
  const found = findTransition(from, key);
  if (!found) {
    const { code, message } = explainIllegal(from, command, ctx);
    return refuse(code, message);
  }
  return { ok: true, from, to: found.to, command: key, changed: found.to !== from };
}

/** True when the command is legal from `from` for `role` (no-ops included). */
export function canApply(from: RequestState, command: Command, role: ActorRole): boolean {
  return transition(from, command, { actor: { role } }).ok;
}

/**
 * The commands a person (or Crosslink) can usefully offer in `state`: legal, permitted for the
 * role, and changing the state (no-ops and watcher observations are left out). For buttons.
 */
export function availableCommands(state: RequestState, role: ActorRole): CommandKey[] {
  return TRANSITIONS.filter(
    (tr) => tr.from === state && tr.to !== state && !tr.command.startsWith("observedInAzure:") && COMMAND_ACTORS[commandFromKey(tr.command).type].includes(role),
  ).map((tr) => tr.command);
}

/**
 * Settled: nothing is running in Azure for the request (no recorded action being applied, no
 * endpoint being created), so pages can stop polling and people can act on it again.
 */
export function isSettled(state: string, pendingAction: string | null): boolean {
  return pendingAction === null && state !== "Filed" && state !== "Creating";
}

/** Only an Approved connection carries traffic. */
export function carriesTraffic(state: RequestState): boolean {
  return state === "Approved";
}

/**
 * Terminal states: no transition leads anywhere but to Withdrawn (cleanup) or back to itself.
 * Derived from the table: Rejected, Disconnected and Withdrawn.
 */
export function isTerminal(state: RequestState): boolean {
  return TRANSITIONS.filter((tr) => tr.from === state).every((tr) => tr.to === state || tr.to === "Withdrawn");
}

/**
 * Reads Azure's status string. Case-insensitive. The PLS spec describes the status as
 * "Approved/Rejected/Removed"; "Removed" is read as Disconnected (unconfirmed wording; the local
 * ARM and the services we know report Disconnected). Unknown strings give undefined.
 */
export function parseAzureConnectionStatus(raw: string | null | undefined): AzureConnectionStatus | undefined {
  const s = (raw ?? "").trim().toLowerCase();
  if (s === "removed") return "Disconnected";
  return AZURE_CONNECTION_STATUSES.find((x) => x.toLowerCase() === s);
}

/**
 * The state a new request starts in: Filed when filed through Crosslink; Azure's own status for a
 * connection the watcher discovered (created outside Crosslink).
 */
export function initialState(source: "portal" | "registered" | "discovered", azureStatus?: AzureConnectionStatus): RequestState {
  if (source === "portal") return "Filed";
  return azureStatus ?? "Pending";
}

// ---------------------------------------------------------------- messages

const VERB: Record<CommandType, string> = {
  submit: "submit",
  creationSucceeded: "complete the creation of",
  creationFailed: "fail the creation of",
  retry: "retry",
  discard: "discard",
  approve: "approve",
  reject: "reject",
  disconnect: "disconnect",
  withdraw: "withdraw",
  observedInAzure: "sync",
};

const ROLE_NOUN: Record<ActorRole, string> = { consumer: "the consumer", provider: "the provider", system: "Crosslink itself" };

function actorNotAllowedMessage(type: CommandType, role: ActorRole): string {
  const who = COMMAND_ACTORS[type].map((r) => ROLE_NOUN[r]).join(" or ");
  if (type === "observedInAzure") return "Only Crosslink's watcher records what Azure reports.";
  return `Only ${who} can ${VERB[type]} a request; ${ROLE_NOUN[role]} can't.`;
}

function by(ctx: TransitionContext): string {
  return ctx.decidedBy ? ` by ${ctx.decidedBy}` : "";
}

const isDecision = (type: CommandType) => type === "approve" || type === "reject" || type === "disconnect";

/** The code and message of an illegal (state, command) pair. */
function explainIllegal(from: RequestState, command: Command, ctx: TransitionContext): { code: IllegalTransitionCode; message: string } {
  const type = command.type;
  if (command.type === "observedInAzure") {
    return { code: "inconsistent_observation", message: observationMessage(from, command.status) };
  }
  switch (from) {
    case "Filed":
      if (isDecision(type)) {
        return {
          code: "not_created_yet",
          message: `The consumer's private endpoint doesn't exist yet, so there is nothing to ${VERB[type]}. It shows up as Pending once Crosslink has created it.`,
        };
      }
      if (type === "withdraw") return { code: "not_created_yet", message: "This request has no private endpoint yet; discard it instead." };
      if (type === "retry") return { code: "not_created_yet", message: "This request hasn't been tried yet; submit it instead." };
      return { code: "not_created_yet", message: "Creation hasn't started for this request; submit it first." };
    case "Creating":
      if (type === "submit" || type === "retry") return { code: "creation_in_progress", message: "Crosslink is already creating the private endpoint for this request." };
      if (type === "discard" || type === "withdraw") {
        return { code: "creation_in_progress", message: "The private endpoint is being created right now. Wait until that finishes, then withdraw the request." };
      }
      return { code: "creation_in_progress", message: `The private endpoint is still being created; you can ${VERB[type]} it once it shows as Pending.` };
    case "Pending":
    case "Approved": {
      const state = from === "Pending" ? "is waiting for the provider's decision" : `is approved${by(ctx)}`;
      if (type === "reject") {
        return {
          code: "approved_use_disconnect",
          message: `This connection is already approved${by(ctx)}. Azure doesn't reliably support rejecting an approved connection; disconnect it to end access.`,
        };
      }
      if (type === "discard") return { code: "endpoint_exists", message: `The private endpoint already exists and ${state}; withdraw the request to delete it.` };
      return { code: "endpoint_exists", message: `The private endpoint already exists and ${state}; there is nothing to ${VERB[type]}.` };
    }
    case "Rejected":
      if (type === "approve") {
        return {
          code: "already_rejected",
          message: `This request was already rejected${by(ctx)}; a rejected connection cannot be approved — the consumer must create a new private endpoint.`,
        };
      }
      if (type === "disconnect") {
        return {
          code: "already_rejected",
          message: `This request was already rejected${by(ctx)}; it carries no traffic, so there is nothing to disconnect. The consumer can withdraw it to delete the endpoint.`,
        };
      }
      if (type === "discard") return { code: "already_rejected", message: "The rejected private endpoint still exists; withdraw the request to delete it." };
      return { code: "already_rejected", message: `This request was rejected${by(ctx)}. To try again, the consumer must file a new request (a new private endpoint).` };
    case "Disconnected":
      if (type === "approve") {
        return {
          code: "already_disconnected",
          message: `This connection was disconnected${by(ctx)}; it can't be approved again — the consumer must create a new private endpoint.`,
        };
      }
      if (type === "reject") return { code: "already_disconnected", message: `This connection was already disconnected${by(ctx)}; there is nothing left to reject.` };
      if (type === "discard") return { code: "already_disconnected", message: "The disconnected private endpoint still exists; withdraw the request to delete it." };
      return { code: "already_disconnected", message: `This connection was disconnected${by(ctx)}. To connect again, the consumer must file a new request.` };
    case "Failed":
      if (isDecision(type)) {
        return { code: "creation_failed", message: `Creating the private endpoint failed, so there is no connection to ${VERB[type]}. The consumer can retry or discard the request.` };
      }
      if (type === "withdraw") return { code: "creation_failed", message: "Creating the private endpoint failed, so there is no endpoint to delete; discard the request instead." };
      if (type === "submit") return { code: "creation_failed", message: "This request was tried and failed; retry it instead." };
      return { code: "creation_failed", message: "No creation is running for this request; retry it first." };
    case "Withdrawn":
      return { code: "already_withdrawn", message: `This request was withdrawn${by(ctx)}; nothing more can happen to it. File a new request to connect again.` };
  }
}

function observationMessage(from: RequestState, status: ObservedStatus): string {
  const seen = status === "Deleted" ? "as deleted" : `as ${status}`;
  switch (from) {
    case "Filed":
      return `Azure reports an endpoint ${seen}, but Crosslink hasn't created one for this request yet; the observation belongs to another endpoint.`;
    case "Withdrawn":
      return `This request was withdrawn and its endpoint deleted; an endpoint Azure reports ${seen} is a new one and needs a new request.`;
    default:
      return `Azure reports the connection ${seen}, which can't follow ${from}. This is most likely a stale read; check again before changing anything.`;
  }
}
