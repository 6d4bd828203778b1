import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTE_EVENTS, ESCALATION_ROUTE_EVENTS } from "@/lib/notify/notification-types";
import { routeHears } from "@/lib/notify/route-matching";
import { eventChoices, eventLabel, NOTIFY_ROUTE_EVENTS } from "./events";

const offered = (purpose: "notify" | "escalation") => eventChoices()[purpose].groups.flatMap((g) => g.events.map((e) => e.type));

describe("the route form's events", () => {
  it("offers a notify route every event it can hear, each once", () => {
    const types = offered("notify");
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual([...NOTIFY_ROUTE_EVENTS].sort());
  });

  it("offers only what a route of that purpose would ever receive", () => {
    const route = (purpose: string, events: string[]) => ({ tenantId: "t", providerResourceId: null, purpose, eventFilter: JSON.stringify(events), enabled: true, disabledAt: null });
    for (const purpose of ["notify", "escalation"] as const) {
      const types = offered(purpose);
      for (const type of types) {
        expect(routeHears(route(purpose, types), { type, providerTenantId: "t", providerResourceId: null }), `${purpose} ${type}`).toBe(true);
      }
    }
    expect(offered("escalation")).toEqual([...ESCALATION_ROUTE_EVENTS]);
  });

  it("ticks the defaults of each purpose, all of them offered", () => {
    const choices = eventChoices();
    expect(choices.notify.defaults).toEqual([...DEFAULT_ROUTE_EVENTS]);
    expect(choices.escalation.defaults).toEqual([...ESCALATION_ROUTE_EVENTS]);
    for (const purpose of ["notify", "escalation"] as const) {
      for (const d of choices[purpose].defaults) expect(offered(purpose)).toContain(d);
    }
  });

  it("names event types in words, and an unknown one as it is", () => {
    expect(eventLabel("request.pending")).toBe("New request waiting");
    expect(eventLabel("route.test")).toBe("Test event");
    expect(eventLabel("request.unheard_of")).toBe("request.unheard_of");
  });
});
