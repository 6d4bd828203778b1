import { z } from "zod";
import { ROUTE_EVENT_TYPES, type RouteEventType } from "./notification-types";
import type { OutgoingPolicy } from "./ssrf/address";
import type { Resolve } from "./ssrf/resolve";
import { checkOutgoingUrlResolved } from "./ssrf/url";

/**
 * The notification-route form, checked before anything is saved: each field gets its own
 * message, and the target is judged by its channel (email addresses, or a URL the SSRF guard
 * accepts after resolving its name). Server actions call parseRouteInput and save only on ok.
 */
export const ROUTE_CHANNELS = ["email", "webhook", "teams", "slack"] as const;
export type RouteChannel = (typeof ROUTE_CHANNELS)[number];
export const ROUTE_PURPOSES = ["notify", "escalation"] as const;
export type RoutePurpose = (typeof ROUTE_PURPOSES)[number];

export const MAX_ROUTE_EMAILS = 20;

export type RouteInput = {
  name: string;
  channel: RouteChannel;
  purpose: RoutePurpose;
  /** "tenant" (every resource of the tenant) or a ProviderResource id; the action checks it is the tenant's. */
  scope: string;
  events: RouteEventType[];
  /** email: "a@x.example, b@y.example" (lower case, no duplicates); otherwise the URL as given. */
  target: string;
};

export type RouteInputResult = { ok: true; value: RouteInput } | { ok: false; fieldErrors: Record<string, string[]> };

/** Line breaks and other control characters: in a name that ends up in a mail header they would start a new header. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const routeFields = z.object({
  name: z
    .string({ error: "Give the route a name." })
    .refine((v) => !CONTROL_CHARS.test(v), "Write the name on one line, without line breaks or control characters.")
    .trim()
    .min(1, "Give the route a name.")
    .max(100, "Keep the name to 100 characters."),
  channel: z.enum(ROUTE_CHANNELS, { error: "Choose email, webhook, Microsoft Teams or Slack." }),
  purpose: z.enum(ROUTE_PURPOSES, { error: "Choose whether the route notifies or escalates." }),
  scope: z
    .string({ error: "Choose the whole tenant or one resource." })
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose the whole tenant or one resource."),
  events: z.preprocess(
    // A form with one box ticked sends a string, not an array.
    (v) => (typeof v === "string" ? [v] : v),
    z
      .array(z.enum(ROUTE_EVENT_TYPES, { error: "Choose events from the list." }), { error: "Choose at least one event." })
      .min(1, "Choose at least one event.")
      .transform((events) => [...new Set(events)]),
  ),
  target: z.string({ error: "Enter where to send notifications." }).trim().max(8192, "That is too long for a route's target."),
});

const emailSchema = z.email().max(254);

/** An item as the form quotes it back: one line, short. */
function shown(item: string): string {
  const line = item.replace(CONTROL_CHARS, "").replace(/\s+/g, " ");
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

/**
 * Addresses separated by commas, semicolons or new lines. Each must be a bare address: a display
 * name ("Ops <ops@x>"), quotes, spaces or anything else a mail header could read as more than one
 * address is refused, not repaired.
 */
export function parseEmailList(target: string): { ok: true; value: string } | { ok: false; errors: string[] } {
  const items = target
    .split(/[,;\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) return { ok: false, errors: ["Enter at least one email address."] };
  if (items.length > MAX_ROUTE_EMAILS) return { ok: false, errors: [`Enter at most ${MAX_ROUTE_EMAILS} email addresses; use a distribution list for more.`] };
  const errors = items.filter((item) => !emailSchema.safeParse(item).success).map((item) => `"${shown(item)}" is not an email address.`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: [...new Set(items.map((item) => item.toLowerCase()))].join(", ") };
}

const MISSING_URL: Record<Exclude<RouteChannel, "email">, string> = {
  webhook: "Enter the URL of your webhook receiver.",
  teams: "Paste the Teams Workflows webhook URL.",
  slack: "Paste the Slack incoming webhook URL.",
};

async function checkTarget(channel: RouteChannel, target: string, policy: OutgoingPolicy, resolve?: Resolve): Promise<{ ok: true; value: string } | { ok: false; errors: string[] }> {
  if (channel === "email") return parseEmailList(target);
  if (target.length === 0) return { ok: false, errors: [MISSING_URL[channel]] };
  const checked = await checkOutgoingUrlResolved(target, policy, resolve);
  return checked.ok ? { ok: true, value: target } : { ok: false, errors: [checked.message] };
}

export async function parseRouteInput(raw: unknown, policy: OutgoingPolicy, resolve?: Resolve): Promise<RouteInputResult> {
  if (typeof raw !== "object" || raw === null) return { ok: false, fieldErrors: { form: ["The form was empty; fill it in and send it again."] } };
  const parsed = routeFields.safeParse(raw);
  const fieldErrors: Record<string, string[]> = {};
  if (!parsed.success) {
    // Five unknown events give one message, not five.
    for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) fieldErrors[field] = [...new Set(messages as string[])];
  }

  // The target is judged by its channel, so only when both are readable; every other field's
  // message is shown with it, so the form is fixed in one go.
  const channel = routeFields.shape.channel.safeParse((raw as { channel?: unknown }).channel);
  const target = routeFields.shape.target.safeParse((raw as { target?: unknown }).target);
  let checkedTarget: string | undefined;
  if (channel.success && target.success) {
    const check = await checkTarget(channel.data, target.data, policy, resolve);
    if (check.ok) checkedTarget = check.value;
    else fieldErrors.target = check.errors;
  }

  if (!parsed.success || checkedTarget === undefined) return { ok: false, fieldErrors };
  return { ok: true, value: { ...parsed.data, target: checkedTarget } };
}
