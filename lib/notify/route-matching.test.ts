import { describe, expect, it } from "vitest";
import { routeEvents, routeHears, type RouteForMatching } from "./route-matching";
import { DEFAULT_ROUTE_EVENTS } from "./notification-types";

const TENANT = "11111111-1111-4111-8111-111111111111";
const route = (over: Partial<RouteForMatching> = {}): RouteForMatching => ({
  tenantId: TENANT,
  providerResourceId: null,
  purpose: "notify",
  eventFilter: JSON.stringify(["request.pending", "request.approved"]),
  enabled: true,
  disabledAt: null,
  ...over,
});
const event = (type: string, providerResourceId: string | null = "res-orders") => ({ type, providerTenantId: TENANT, providerResourceId });

describe("route matching", () => {
  it("hears the types its filter lists, and no others", () => {
    expect(routeHears(route(), event("request.pending"))).toBe(true);
    expect(routeHears(route(), event("request.approved"))).toBe(true);
    expect(routeHears(route(), event("request.rejected"))).toBe(false);
  });

  it("a tenant-wide route hears every resource; a resource route only its own", () => {
    expect(routeHears(route(), event("request.pending", "res-billing"))).toBe(true);
    expect(routeHears(route({ providerResourceId: "res-orders" }), event("request.pending", "res-orders"))).toBe(true);
    expect(routeHears(route({ providerResourceId: "res-orders" }), event("request.pending", "res-billing"))).toBe(false);
    expect(routeHears(route({ providerResourceId: "res-orders" }), event("request.pending", null))).toBe(false);
  });

  it("hears nothing of another tenant's requests (tenant IDs compared without case)", () => {
    expect(routeHears(route(), { ...event("request.pending"), providerTenantId: "22222222-2222-4222-8222-222222222222" })).toBe(false);
    expect(routeHears(route(), { ...event("request.pending"), providerTenantId: null })).toBe(false);
    expect(routeHears(route({ tenantId: TENANT.toUpperCase() }), event("request.pending"))).toBe(true);
  });

  it("a paused or disabled route hears nothing", () => {
    expect(routeHears(route({ enabled: false }), event("request.pending"))).toBe(false);
    expect(routeHears(route({ disabledAt: new Date() }), event("request.pending"))).toBe(false);
  });

  it("escalations go to escalation routes only, and escalation routes hear only escalations", () => {
    const escalation = route({ purpose: "escalation", eventFilter: "[]" });
    expect(routeHears(escalation, event("request.escalated"))).toBe(true);
    expect(routeHears(escalation, event("request.pending"))).toBe(false);
    expect(routeHears(route({ eventFilter: JSON.stringify(["request.escalated", "request.pending"]) }), event("request.escalated"))).toBe(false);
  });

  it("an empty or unreadable filter means the defaults of the route's purpose", () => {
    expect(routeEvents(route({ eventFilter: "[]" }))).toEqual(DEFAULT_ROUTE_EVENTS);
    expect(routeEvents(route({ eventFilter: "not json" }))).toEqual(DEFAULT_ROUTE_EVENTS);
    expect(routeEvents(route({ eventFilter: JSON.stringify(["nope"]) }))).toEqual(DEFAULT_ROUTE_EVENTS);
    expect(routeEvents(route({ purpose: "escalation", eventFilter: "[]" }))).toEqual(["request.escalated"]);
    expect(routeHears(route({ eventFilter: "[]" }), event("request.filed"))).toBe(false);
    expect(routeHears(route({ eventFilter: "[]" }), event("request.withdrawn"))).toBe(true);
  });
});
