/**
 * The words Crosslink uses for a request: what each state is called and means, and what each
 * action people take is called before, while and after Azure carries it out. Pages, use cases,
 * job handlers and (later) emails all take their wording from here, so "Rejecting in Azure…",
 * "rejected" and "Rejection" cannot drift apart from one screen to the next.
 *
 * Plain data and small functions: no framework, safe to import in the browser.
 */
import type { RequestState } from "./connection-lifecycle";

/** What a state is called and what it means, for the consumer and for the provider. */
export type StateWords = {
  /** As badges and tabs show it: "Pending". */
  label: string;
  /** One line for the consumer (lists, tooltips). */
  forConsumer: string;
  /** One line for the provider (inbox, tooltips). */
  forProvider: string;
};

export const STATE_WORDS: Readonly<Record<RequestState, StateWords>> = {
  Filed: {
    label: "Filed",
    forConsumer: "Recorded; the endpoint is about to be created.",
    forProvider: "Filed; Crosslink is about to create the consumer's endpoint.",
  },
  Creating: {
    label: "Creating",
    forConsumer: "Crosslink is creating the private endpoint in your subscription.",
    forProvider: "Crosslink is creating the consumer's private endpoint.",
  },
  Pending: {
    label: "Pending",
    forConsumer: "The endpoint exists; waiting for the provider's decision.",
    forProvider: "Waiting for your decision: approve or reject it.",
  },
  Approved: {
    label: "Approved",
    forConsumer: "Connected: traffic flows once DNS is set up.",
    forProvider: "Approved: the consumer's endpoint carries traffic.",
  },
  Rejected: {
    label: "Rejected",
    forConsumer: "The provider rejected the connection.",
    forProvider: "Rejected: the consumer's endpoint shows the connection as Rejected and carries no traffic.",
  },
  Disconnected: {
    label: "Disconnected",
    forConsumer: "The provider removed the connection.",
    forProvider: "Disconnected: the connection was removed from your resource.",
  },
  Failed: {
    label: "Failed",
    forConsumer: "Creating the endpoint failed: retry or discard.",
    forProvider: "Creating the consumer's endpoint failed; nothing exists in Azure.",
  },
  Withdrawn: {
    label: "Withdrawn",
    forConsumer: "Withdrawn; the endpoint was deleted.",
    forProvider: "Withdrawn by the consumer; their endpoint was deleted.",
  },
};

/** The provider's decisions. */
export const DECISIONS = ["approve", "reject", "disconnect"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Everything people ask Crosslink to do to a request: the decisions and the consumer's commands. */
export const REQUEST_ACTIONS = [...DECISIONS, "withdraw", "retry", "discard"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** An action in words, from the button to the result. */
export type ActionWords = {
  /** The button: "Approve". */
  verb: string;
  /** The thing done: "Approval" ("Approval of contoso-orders recorded"). */
  noun: string;
  /** Past participle, lower case: "approved" ("the request was approved"). */
  past: string;
  /** Present participle, lower case: "approving" ("Priya Patel is already approving it"). */
  doing: string;
  /** Short label while Crosslink carries it out (lists, badges): "Approving in Azure…". */
  inProgress: string;
  /** The progress line stored with the request while Azure works on it (request pages). */
  progress: string;
  /** Said once it is recorded and Azure has not finished yet. */
  accepted: string;
  /** The state the request reaches when it is done. */
  leadsTo: RequestState;
  /** What it does, in one line (dialogs, hints). */
  meaning: string;
};

export const ACTION_WORDS: Readonly<Record<RequestAction, ActionWords>> = {
  approve: {
    verb: "Approve",
    noun: "Approval",
    past: "approved",
    doing: "approving",
    inProgress: "Approving in Azure…",
    progress: "Approving in Azure…",
    accepted: "Recorded. Crosslink is approving it in Azure.",
    leadsTo: "Approved",
    meaning: "The consumer's private endpoint starts carrying traffic to your resource.",
  },
  reject: {
    verb: "Reject",
    noun: "Rejection",
    past: "rejected",
    doing: "rejecting",
    inProgress: "Rejecting in Azure…",
    progress: "Rejecting in Azure…",
    accepted: "Recorded. Crosslink is rejecting it in Azure.",
    leadsTo: "Rejected",
    meaning:
      "Tells the consumer no: the connection stays on your resource marked Rejected, with your reason, and their endpoint shows it as Rejected. It never carries traffic.",
  },
  disconnect: {
    verb: "Disconnect",
    noun: "Disconnection",
    past: "disconnected",
    doing: "disconnecting",
    inProgress: "Disconnecting in Azure…",
    progress: "Disconnecting in Azure…",
    accepted: "Recorded. Crosslink is disconnecting it in Azure.",
    leadsTo: "Disconnected",
    meaning: "Removes the connection from your resource: the consumer's endpoint shows it as Disconnected and never carries traffic again.",
  },
  withdraw: {
    verb: "Withdraw",
    noun: "Withdrawal",
    past: "withdrawn",
    doing: "withdrawing",
    inProgress: "Withdrawing: deleting the endpoint…",
    progress: "Deleting the private endpoint in Azure…",
    accepted: "Crosslink is deleting the private endpoint in Azure.",
    leadsTo: "Withdrawn",
    meaning: "Deletes the consumer's private endpoint in Azure and ends the request.",
  },
  retry: {
    verb: "Retry",
    noun: "Retry",
    past: "retried",
    doing: "retrying",
    inProgress: "Retrying…",
    progress: "Waiting to create the private endpoint…",
    accepted: "Crosslink is trying again to create the private endpoint.",
    leadsTo: "Creating",
    meaning: "Tries again to create the private endpoint.",
  },
  discard: {
    verb: "Discard",
    noun: "Discarding",
    past: "discarded",
    doing: "discarding",
    inProgress: "Discarding…",
    progress: "Discarding the request…",
    accepted: "The request was discarded.",
    leadsTo: "Withdrawn",
    meaning: "Ends a request that has no private endpoint; nothing is deleted in Azure.",
  },
};

const isAction = (value: string): value is RequestAction => (REQUEST_ACTIONS as readonly string[]).includes(value);

/** The words of an action stored as a string (a request's pendingAction), or undefined for an unknown one. */
export function wordsFor(action: string | null | undefined): ActionWords | undefined {
  return action && isAction(action) ? ACTION_WORDS[action] : undefined;
}

/** What a request shows while an action is being carried out: "Rejecting in Azure…". */
export function inProgressLabel(pendingAction: string): string {
  return wordsFor(pendingAction)?.inProgress ?? "Applying in Azure…";
}

/**
 * What the last decision on a request is called, for a "Decision" line: the noun while it is
 * being applied ("Rejection"), the state once done ("Rejected"), and for a Pending request that
 * has a decision on record, that the attempt failed.
 */
export function decisionHeadline(state: string, pendingAction: string | null): string {
  const applying = wordsFor(pendingAction);
  if (applying) return applying.noun;
  if (state === "Approved" || state === "Rejected" || state === "Disconnected") return STATE_WORDS[state].label;
  if (state === "Pending") return "Last attempt (failed)";
  return "Last decision";
}

/** What became of a request's private endpoint, in words, when there is none to show. */
export const ENDPOINT_WORDS = {
  notCreated: "Not created yet.",
  deleted: "Deleted in Azure when the request was withdrawn.",
  neverCreated: "None: the request ended before an endpoint was created.",
} as const;

/**
 * The possessive of a name: "Contoso's", and "Northwind Traders'" for a name ending in s
 * (the house style for plural-looking names).
 */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name.trim()}'` : `${name.trim()}'s`;
}
