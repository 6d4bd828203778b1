import { z } from "zod";
import type { DbOrTx } from "../db/client";
import { addMessage } from "../outbox/outbox";
import { REQUEST_STATES, type CommandKey, type RequestState } from "../domain/connection-lifecycle";

/**
 * The domain events of connection requests: what happened to a request, raised by the request
 * writer in the transaction of the change itself (so an event exists exactly when the change
 * does). Later capabilities subscribe to them (notifications, webhooks, policies, the in-app
 * inbox) instead of hooking into the use cases.
 */
export const REQUEST_EVENT_TYPES = [
  /** A consumer filed a request through Crosslink; the endpoint is about to be created. */
  "request.filed",
  /** A consumer registered an endpoint created outside Crosslink. */
  "request.registered",
  /** A failed creation is being tried again. */
  "request.retried",
  /** The endpoint exists and the connection waits for the provider. */
  "request.pending",
  "request.approved",
  "request.rejected",
  "request.disconnected",
  /** The endpoint was deleted (withdrawn), or a request without one was discarded. */
  "request.withdrawn",
  /** Creating the endpoint failed. */
  "request.failed",
  /** Someone asked for a change Azure must carry out (a decision, a withdrawal). */
  "request.action_requested",
  /** Azure refused that change for good; the request keeps its state and shows why. */
  "request.action_failed",
] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

const snapshot = z.object({ state: z.enum(REQUEST_STATES), pendingAction: z.string().nullable() });

export const requestEventSchema = z.object({
  type: z.enum(REQUEST_EVENT_TYPES),
  requestId: z.string().min(1),
  /** The request's version after the change: subscribers can order and deduplicate by it. */
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    kind: z.enum(["person", "crosslink", "policy", "azure"]),
    label: z.string(),
    role: z.string().nullable().optional(),
    userId: z.string().nullable().optional(),
    tenantId: z.string().nullable().optional(),
    policyId: z.string().optional(),
  }),
  consumerTenantId: z.string(),
  providerTenantId: z.string().nullable(),
  providerResourceId: z.string().nullable(),
  /** null for a new request. */
  before: snapshot.nullable(),
  after: snapshot,
  /** The lifecycle command behind a state change (approve, observedInAzure:Approved …). */
  command: z.string().optional(),
  /** The change asked for or refused (approve, reject, disconnect, withdraw). */
  action: z.string().optional(),
  /** The decision note, the failure's reason: words people wrote or should read. */
  note: z.string().nullable().optional(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

/** The event of a state change, named by where it leads (how it got there is in `command`). */
export function eventTypeForTransition(to: RequestState, command: CommandKey): RequestEventType {
  switch (to) {
    case "Filed":
      return "request.filed";
    case "Creating":
      return command === "retry" ? "request.retried" : "request.filed";
    case "Pending":
      return "request.pending";
    case "Approved":
      return "request.approved";
    case "Rejected":
      return "request.rejected";
    case "Disconnected":
      return "request.disconnected";
    case "Withdrawn":
      return "request.withdrawn";
    case "Failed":
      return "request.failed";
  }
}

/** Writes the event into the outbox, inside the caller's transaction. */
export async function appendRequestEvent(tx: DbOrTx, event: RequestEvent): Promise<void> {
  const checked = requestEventSchema.parse(event);
  await addMessage(tx, { kind: "event", topic: checked.type, payload: checked });
}
