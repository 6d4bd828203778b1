"use server";

import { redirect } from "next/navigation";
import { refresh } from "next/cache";
import {
  createRoute,
  deleteRoute,
  redeliver,
  redeliverFailedSince,
  rotateSecret,
  sendTestEvent,
  setRoutePaused,
  updateRoute,
} from "@/lib/notify/routes";
import { saveReminderHours } from "@/lib/notify/reminder-settings";
import { action, formText, type ActionError } from "@/app/_lib/action";
import { exactTime } from "@/app/_lib/dates";
import { utcInputToIso } from "./_lib/utc-input";
import type { CreatedRoute, Done, RotatedSecret, TestSent } from "./_lib/types";

/**
 * The admin's route and reminder actions. Each goes through the action wrapper (someone who is not
 * an admin gets the 403 page), calls one use case (which checks the tenant and the ids, and audits
 * the change), and answers with a message or the refusal the form shows next to its fields.
 * Secrets are returned to the browser that asked for them, once, and nowhere else.
 */
const ADMIN = { role: "admin" } as const;

const routeUrl = (routeId: string) =>
  `/admin/notifications/${encodeURIComponent(routeId)}`;

/** The route form as the use case reads it (parseRouteInput judges every field). */
function routeForm(form: FormData) {
  return {
    name: formText(form, "name"),
    channel: formText(form, "channel"),
    purpose: formText(form, "purpose"),
    scope: formText(form, "scope"),
    events: form
      .getAll("events")
      .filter((v): v is string => typeof v === "string"),
    target: formText(form, "target"),
  };
}

/**
 * Creates a route. A webhook route's secret comes back here, for the page to show once; any other
 * route goes straight to its page.
 */
export async function createRouteAction(
  form: FormData,
): Promise<CreatedRoute | ActionError> {
  const result = await action(
    ADMIN,
    async ({ principal, services, requestId }) => {
      const created = await createRoute(
        services.notify,
        principal,
        routeForm(form),
        requestId,
      );
      return { ok: true as const, message: "Route created.", ...created };
    },
  );
  if (!result.ok || result.secret) return result;
  redirect(`${routeUrl(result.routeId)}?created=1`);
}

/** Saves the route form over a route (its channel stays what it was). */
export async function updateRouteAction(
  routeId: string,
  form: FormData,
): Promise<Done | ActionError> {
  const result = await action(
    ADMIN,
    async ({ principal, services, requestId }) => {
      await updateRoute(
        services.notify,
        principal,
        routeId,
        routeForm(form),
        requestId,
      );
      return { ok: true as const, message: "Route saved." };
    },
  );
  if (!result.ok) return result;
  redirect(`${routeUrl(routeId)}?saved=1`);
}

export async function setPausedAction(
  routeId: string,
  paused: boolean,
): Promise<Done | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    await setRoutePaused(services.db, principal, routeId, paused, requestId);
    refresh();
    return {
      ok: true as const,
      message: paused
        ? "Paused: nothing is sent through this route until you resume it."
        : "Resumed: new notifications go through this route again.",
    };
  });
}

export async function deleteRouteAction(routeId: string): Promise<ActionError> {
  const result = await action(
    ADMIN,
    async ({ principal, services, requestId }) => {
      await deleteRoute(services.db, principal, routeId, requestId);
      return { ok: true as const };
    },
  );
  if (!result.ok) return result;
  redirect("/admin/notifications?deleted=1");
}

export async function rotateSecretAction(
  routeId: string,
): Promise<RotatedSecret | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    const { secret, previousValidUntil } = await rotateSecret(
      services.notify,
      principal,
      routeId,
      requestId,
    );
    refresh();
    return {
      ok: true as const,
      message: `New secret made; the old one keeps signing until ${exactTime(previousValidUntil)}.`,
      secret,
      previousValidUntil: previousValidUntil.toISOString(),
    };
  });
}

export async function sendTestEventAction(
  routeId: string,
): Promise<TestSent | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    const { deliveryId } = await sendTestEvent(
      services.notify,
      principal,
      routeId,
      requestId,
    );
    services.worker.kick();
    return { ok: true as const, message: "Test event sent.", deliveryId };
  });
}

export async function redeliverAction(
  deliveryId: string,
): Promise<Done | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    await redeliver(services.db, principal, deliveryId, requestId);
    services.worker.kick();
    refresh();
    return {
      ok: true as const,
      message: "Sent again, with the same webhook-id.",
    };
  });
}

export async function redeliverFailedSinceAction(
  routeId: string,
  form: FormData,
): Promise<Done | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    const count = await redeliverFailedSince(
      services.db,
      principal,
      routeId,
      { since: utcInputToIso(formText(form, "since")) },
      requestId,
    );
    if (count > 0) services.worker.kick();
    refresh();
    return {
      ok: true as const,
      message:
        count === 0
          ? "Nothing failed since then: nothing to send again."
          : `Sending ${count} failed deliver${count === 1 ? "y" : "ies"} again.`,
    };
  });
}

/** Sets the reminder time of the tenant ("tenant") or of one resource; empty goes back to the default. */
export async function saveReminderHoursAction(
  form: FormData,
): Promise<Done | ActionError> {
  return await action(ADMIN, async ({ principal, services, requestId }) => {
    const scope = formText(form, "scope");
    const hours = formText(form, "hours").trim();
    await saveReminderHours(
      services.db,
      principal,
      { scope, hours },
      requestId,
    );
    refresh();
    const name = formText(form, "scopeName") || "this resource";
    const message =
      scope === "tenant"
        ? hours
          ? `Saved: across the tenant, a request Pending ${Number(hours)} hour${Number(hours) === 1 ? "" : "s"} reminds your routes.`
          : "Saved: the tenant uses the default time."
        : hours
          ? `Saved: for ${name}, a request Pending ${Number(hours)} hour${Number(hours) === 1 ? "" : "s"} reminds your routes.`
          : `Saved: ${name} uses the tenant's time.`;
    return { ok: true as const, message };
  });
}
