import { z } from "zod";
import { DEFAULT_ROUTE_EVENTS, ESCALATION_ROUTE_EVENTS, ROUTE_EVENT_TYPES, type RouteEventType } from "./notification-types";

/**
 * Which routes hear an event: the provider tenant's routes that are neither paused nor disabled,
 * tenant-wide or for the event's resource, whose filter lists the event's type. Escalation
 * routes hear escalations only, and escalations go to them only.
 */
export type RouteForMatching = {
  tenantId: string;
  providerResourceId: string | null;
  purpose: string;
  eventFilter: string;
  enabled: boolean;
  disabledAt: Date | null;
};

export type EventForMatching = { type: string; providerTenantId: string | null; providerResourceId: string | null };

const filterSchema = z.array(z.enum(ROUTE_EVENT_TYPES));

/** The route's filter; a stored filter that is empty or unreadable means the defaults for its purpose. */
export function routeEvents(route: Pick<RouteForMatching, "eventFilter" | "purpose">): readonly RouteEventType[] {
  let parsed: RouteEventType[] = [];
  try {
    const result = filterSchema.safeParse(JSON.parse(route.eventFilter));
    if (result.success) parsed = result.data;
  } catch {
    // unreadable: the defaults below
  }
  if (parsed.length > 0) return parsed;
  return route.purpose === "escalation" ? ESCALATION_ROUTE_EVENTS : DEFAULT_ROUTE_EVENTS;
}

export function routeHears(route: RouteForMatching, event: EventForMatching): boolean {
  if (!route.enabled || route.disabledAt) return false;
  if (!event.providerTenantId || route.tenantId.toLowerCase() !== event.providerTenantId.toLowerCase()) return false;
  if (route.providerResourceId && route.providerResourceId !== event.providerResourceId) return false;
  const escalation = event.type === "request.escalated";
  if ((route.purpose === "escalation") !== escalation) return false;
  return (routeEvents(route) as readonly string[]).includes(event.type);
}
