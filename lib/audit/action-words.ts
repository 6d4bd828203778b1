/**
 * Audit trail action codes in words, for people reading the trail (the admin page, exports).
 * The codes stay as written (they are part of the hash chain and what queries filter on); this
 * only says them. Every code lib/ writes is listed; a code that is not (a newer writer, an old
 * row) is still shown readably, built from the code itself.
 */
import { ACTION_WORDS, DECISIONS } from "../domain/request-words";

const FIXED: Readonly<Record<string, string>> = {
  "auth.sign_in": "Signed in",
  "auth.sign_out": "Signed out",
  "tenant.admin_consent_granted": "Granted Crosslink admin consent for the organization",
  "resource.registered": "Registered a resource with Crosslink",
  "resource.unregistered": "Unregistered a resource",
  "request.filed": "Filed a connection request",
  "request.registered": "Registered an existing private endpoint",
  "request.endpoint_created": "Private endpoint created",
  "request.creation_failed": "Creating the private endpoint failed",
  "request.creation_retry": "Azure was busy; creating the endpoint is retried",
  "request.creation_awaits_step_up": "Creating the endpoint waits for the requester to confirm their sign-in with a second factor",
  "request.creation_resumed": "Confirmed their sign-in; creating the endpoint goes on",
  "request.retry": "Retried creating the private endpoint",
  "request.discarded": "Discarded the request",
  "request.withdrawn": "Request withdrawn; its endpoint deleted",
  "request.approved": "Approved in Azure",
  "request.rejected": "Rejected in Azure",
  "request.disconnected": "Disconnected in Azure",
  "notify.route_created": "Created a notification route",
  "notify.route_updated": "Changed a notification route",
  "notify.route_paused": "Paused a notification route",
  "notify.route_resumed": "Resumed a notification route",
  "notify.route_deleted": "Deleted a notification route",
  "notify.route_secret_rotated": "Rotated a webhook route's signing secret",
  "notify.route_test_sent": "Sent a test event through a notification route",
  "notify.route_disabled": "Disabled a failing notification route",
  "notify.redelivered": "Redelivered notifications",
  "notify.reminder_time_set": "Changed when Pending requests remind the provider",
};

// The changes Azure must carry out (lib/connections/request-writer.ts, recordPendingAction: the decisions and the
// consumer's withdrawal) write request.<action>_requested when recorded and request.<action>_failed
// when Azure refuses for good.
const PENDING: Readonly<Record<string, string>> = Object.fromEntries(
  [...DECISIONS, "withdraw" as const].flatMap((action) => [
    [`request.${action}_requested`, `${ACTION_WORDS[action].noun} recorded, to be applied in Azure`],
    [`request.${action}_failed`, `${ACTION_WORDS[action].noun} failed in Azure`],
  ]),
);

/** Every action code with its words (for tests and documentation). */
export const AUDIT_ACTION_WORDS: Readonly<Record<string, string>> = { ...FIXED, ...PENDING };

/**
 * The words of an action code: "request.approve_requested" → "Approval recorded, to be applied
 * in Azure". Unknown codes read as "Request: observed deleted" (area, then the rest).
 */
export function auditActionWords(code: string): string {
  if (Object.hasOwn(AUDIT_ACTION_WORDS, code)) return AUDIT_ACTION_WORDS[code]!;
  const [area = "", ...rest] = code.split(".");
  const words = (text: string) => text.replace(/[_.-]+/g, " ").trim();
  const subject = words(area);
  const what = words(rest.join(" "));
  if (!subject) return what || code;
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  return what ? `${Subject}: ${what}` : Subject;
}
