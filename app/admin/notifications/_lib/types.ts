import type { ActionError } from "@/app/_lib/action";

/** What the route pages' server actions answer (null: nothing sent yet). */
export type Done = { ok: true; message: string };
export type Result<T extends { ok: true } = Done> = T | ActionError | null;

/** A new route; a webhook route's signing secret, shown this once. */
export type CreatedRoute = Done & { routeId: string; secret: string | null };
export type RotatedSecret = Done & { secret: string; previousValidUntil: string };
export type TestSent = Done & { deliveryId: string };

/** The route form's fields, in the order they appear (focus looks for a problem in this order). */
export const ROUTE_FIELDS = ["name", "channel", "target", "scope", "purpose", "events"] as const;
export type RouteField = (typeof ROUTE_FIELDS)[number];
