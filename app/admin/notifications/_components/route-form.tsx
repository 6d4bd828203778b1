"use client";

import { useState } from "react";
import Link from "next/link";
import type { RouteChannel, RoutePurpose } from "@/lib/notify/route-input";
import type { FormResult } from "@/app/requests/actions";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { controlProps, Field, FieldError, fieldIds, inputStyles, Spinner } from "@/app/requests/_components/field";
import { FormProblem } from "@/app/requests/_components/form-problem";
import { useActionForm } from "@/app/requests/_components/use-action-form";
import { createRouteAction, updateRouteAction } from "../actions";
import { CHANNEL_COPY, CHANNEL_ORDER, PURPOSE_COPY, PURPOSE_ORDER } from "../_lib/channels";
import type { EventChoices } from "../_lib/events";
import { ROUTE_FIELDS, type CreatedRoute, type RouteField } from "../_lib/types";
import { SecretPanel } from "./secret-panel";

export type RouteFormValues = { name: string; channel: RouteChannel; purpose: RoutePurpose; scope: string; events: string[]; target: string };

type Mode = { kind: "create" } | { kind: "edit"; routeId: string; /** The saved target as shown (a URL masked). */ currentRecipient: string };

const ids = { name: fieldIds("route-name"), target: fieldIds("route-target"), scope: fieldIds("route-scope") };
const groupIds = { channel: "route-channel", purpose: "route-purpose", events: "route-events" } as const;
const radioId = (group: string, value: string) => `${group}-${value}`;
const eventId = (type: string) => `route-event-${type.replace(/\W/g, "-")}`;

/**
 * The route form, for a new route and for changing one (its channel then stays). Each field's
 * problem shows next to it, from the live checks or from the server (which judges the target:
 * addresses, or a URL the SSRF guard accepts); nothing is saved until every field is right, and
 * what was typed stays. A new webhook route's secret is shown here once, in place of the form.
 */
export function RouteForm({ mode, initial, scopes, choices }: { mode: Mode; initial: RouteFormValues; scopes: { id: string; name: string }[]; choices: EventChoices }) {
  // Only what the purpose offers can be ticked (a stored filter may hold more).
  const [values, setValues] = useState(() => {
    const offeredTypes = new Set(choices[initial.purpose].groups.flatMap((g) => g.events.map((e) => e.type as string)));
    return { ...initial, events: initial.events.filter((e) => offeredTypes.has(e)) };
  });
  const [created, setCreated] = useState<CreatedRoute | null>(null);
  const copy = CHANNEL_COPY[values.channel];
  const editingUrl = mode.kind === "edit" && copy.url;
  const offered = choices[values.purpose];

  const submit = async (_previous: FormResult, data: FormData): Promise<FormResult> => {
    if (mode.kind === "edit") return updateRouteAction(mode.routeId, data);
    const result = await createRouteAction(data);
    if (result.ok && result.secret) setCreated(result);
    return result;
  };

  const name = values.name.trim();
  const form = useActionForm<RouteField>({
    action: submit,
    fields: ROUTE_FIELDS,
    values: { ...values, events: [...values.events].sort().join(",") },
    clientErrors: {
      name: !name ? "Give the route a name." : name.length > 100 ? "Keep the name to 100 characters." : undefined,
      target: values.target.trim() || editingUrl
        ? undefined
        : copy.url
            ? `Paste the ${copy.targetLabel}.`
            : "Enter at least one email address.",
      events: values.events.length === 0 ? "Choose at least one event." : undefined,
    },
    focusIdOf: (field) => {
      if (field === "channel") return mode.kind === "create" ? radioId(groupIds.channel, values.channel) : null;
      if (field === "purpose") return radioId(groupIds.purpose, values.purpose);
      if (field === "events") return offered.groups[0]?.events[0] ? eventId(offered.groups[0].events[0].type) : null;
      return ids[field].id;
    },
  });

  if (created?.secret) {
    return (
      <SecretPanel title={`Route “${values.name.trim()}” created: here is its signing secret`} secret={created.secret}>
        <Link href={`/admin/notifications/${encodeURIComponent(created.routeId)}`} className={buttonStyles.primary}>
          I have copied it: go to the route
        </Link>
      </SecretPanel>
    );
  }

  const set = <K extends keyof RouteFormValues>(key: K, value: RouteFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // The purposes offer different events (lib/notify/route-matching.ts): switching starts from the new purpose's defaults.
  const setPurpose = (purpose: RoutePurpose) => setValues((v) => (v.purpose === purpose ? v : { ...v, purpose, events: [...choices[purpose].defaults] }));
  const toggleEvent = (type: string, on: boolean) => setValues((v) => ({ ...v, events: on ? [...v.events, type] : v.events.filter((e) => e !== type) }));

  const nameError = form.errorOf("name");
  const channelError = form.errorOf("channel");
  const targetError = form.errorOf("target");
  const scopeError = form.errorOf("scope");
  const purposeError = form.errorOf("purpose");
  const eventsError = form.errorOf("events");

  return (
    <form {...form.formProps} className="space-y-6 wrap-anywhere" data-testid="route-form">
      <FormProblem problem={form.problem} title={mode.kind === "create" ? "The route was not created" : "The route was not saved"} />

      <section className={`${cardStyles} space-y-5`} aria-labelledby="where-title">
        <h2 id="where-title" className="text-lg font-semibold">
          Where notifications go
        </h2>
        <Field ids={ids.name} label="Name" hint="For you and the delivery log, e.g. “Platform team mailbox”." error={nameError}>
          <input
            {...controlProps(ids.name, nameError)}
            name="name"
            value={values.name}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => set("name", e.target.value)}
            onBlur={() => form.touch("name")}
            className={inputStyles}
          />
        </Field>

        {mode.kind === "create" ? (
          <fieldset aria-describedby={channelError ? `${groupIds.channel}-error` : undefined} className="space-y-2">
            <legend className="text-sm font-semibold text-fg1">Channel</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {CHANNEL_ORDER.map((channel) => (
                <label
                  key={channel}
                  className="flex cursor-pointer items-start gap-2 rounded-fl border border-stroke2 p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-subtle"
                >
                  <input
                    type="radio"
                    id={radioId(groupIds.channel, channel)}
                    name="channel"
                    value={channel}
                    checked={values.channel === channel}
                    onChange={() => set("channel", channel)}
                    aria-describedby={`${radioId(groupIds.channel, channel)}-hint`}
                    className="mt-1 accent-brand"
                  />
                  <span>
                    <span className="block text-sm font-semibold">{CHANNEL_COPY[channel].label}</span>
                    <span id={`${radioId(groupIds.channel, channel)}-hint`} className="block text-xs text-fg2">
                      {CHANNEL_COPY[channel].hint}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError id={`${groupIds.channel}-error`} error={channelError} />
          </fieldset>
        ) : (
          <div className="space-y-1 text-sm">
            <p className="font-semibold">Channel</p>
            <p>
              {copy.label} <span className="text-fg3">(a route keeps its channel: to use another, create a new route)</span>
            </p>
          </div>
        )}

        <Field
          ids={ids.target}
          label={copy.targetLabel}
          error={targetError}
          hint={
            editingUrl ? (
              <>
                Crosslink does not show the saved URL, because Teams and Slack URLs carry their secret. Leave this empty to keep it, or paste a new one. Saved:{" "}
                <span className="font-mono">{mode.currentRecipient}</span>
              </>
            ) : (
              copy.targetHint
            )
          }
        >
          <input
            {...controlProps(ids.target, targetError)}
            name="target"
            type={copy.url ? "url" : "text"}
            inputMode={copy.url ? "url" : "email"}
            value={values.target}
            placeholder={copy.placeholder}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set("target", e.target.value)}
            onBlur={() => form.touch("target")}
            className={`${inputStyles} font-mono`}
          />
        </Field>
      </section>

      <section className={`${cardStyles} space-y-5`} aria-labelledby="what-title">
        <h2 id="what-title" className="text-lg font-semibold">
          What it hears
        </h2>
        <Field ids={ids.scope} label="Resources" hint="Requests to which of your registered resources this route hears about." error={scopeError}>
          <select
            {...controlProps(ids.scope, scopeError)}
            name="scope"
            value={values.scope}
            onChange={(e) => set("scope", e.target.value)}
            className={`${inputStyles} sm:max-w-md`}
          >
            <option value="tenant">All resources</option>
            {scopes.map((s) => (
              <option key={s.id} value={s.id}>
                Only {s.name}
              </option>
            ))}
          </select>
        </Field>

        <fieldset aria-describedby={purposeError ? `${groupIds.purpose}-error` : undefined} className="space-y-2">
          <legend className="text-sm font-semibold text-fg1">Purpose</legend>
          {PURPOSE_ORDER.map((purpose) => (
            <label key={purpose} className="flex cursor-pointer items-start gap-2">
              <input
                type="radio"
                id={radioId(groupIds.purpose, purpose)}
                name="purpose"
                value={purpose}
                checked={values.purpose === purpose}
                onChange={() => setPurpose(purpose)}
                aria-describedby={`${radioId(groupIds.purpose, purpose)}-hint`}
                className="mt-1 accent-brand"
              />
              <span>
                <span className="block text-sm font-semibold">{PURPOSE_COPY[purpose].label}</span>
                <span id={`${radioId(groupIds.purpose, purpose)}-hint`} className="block text-xs text-fg2">
                  {PURPOSE_COPY[purpose].hint}
                </span>
              </span>
            </label>
          ))}
          <FieldError id={`${groupIds.purpose}-error`} error={purposeError} />
        </fieldset>

        <fieldset aria-describedby={`${groupIds.events}-hint${eventsError ? ` ${groupIds.events}-error` : ""}`} className="space-y-3" data-testid="route-events">
          <legend className="text-sm font-semibold text-fg1">Events</legend>
          <p id={`${groupIds.events}-hint`} className="text-xs text-fg3">
            {values.purpose === "escalation"
              ? "An escalation route hears only escalations."
              : "Ticked: what a provider acts on or must know. The steps in between are for integrations that want every step."}
          </p>
          <div className="grid gap-4 md:grid-cols-3">
            {offered.groups.map((group) => (
              <fieldset key={group.legend} className="space-y-2">
                <legend className="text-xs font-semibold uppercase tracking-wide text-fg3">{group.legend}</legend>
                {group.events.map((event) => (
                  <label key={event.type} className="flex cursor-pointer items-start gap-2">
                    <input
                      type="checkbox"
                      id={eventId(event.type)}
                      name="events"
                      value={event.type}
                      checked={values.events.includes(event.type)}
                      onChange={(e) => toggleEvent(event.type, e.target.checked)}
                      onBlur={() => form.touch("events")}
                      aria-describedby={`${eventId(event.type)}-hint`}
                      className="mt-1 accent-brand"
                    />
                    <span>
                      <span className="block text-sm">{event.label}</span>
                      <span id={`${eventId(event.type)}-hint`} className="block text-xs text-fg3">
                        {event.description}
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
            ))}
          </div>
          <FieldError id={`${groupIds.events}-error`} error={eventsError} />
        </fieldset>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={`${buttonStyles.primary} aria-disabled:cursor-wait aria-disabled:opacity-50`} aria-disabled={form.pending || undefined}>
          {form.pending ? (
            <Spinner inherit label={mode.kind === "create" ? "Creating…" : "Saving…"} />
          ) : mode.kind === "create" ? (
            "Create route"
          ) : (
            "Save changes"
          )}
        </button>
        <Link href={mode.kind === "create" ? "/admin/notifications" : `/admin/notifications/${encodeURIComponent(mode.routeId)}`} className={buttonStyles.subtle}>
          Cancel
        </Link>
        {copy.url && <p className="text-xs text-fg3">Crosslink checks the URL&apos;s address before it saves anything.</p>}
      </div>
    </form>
  );
}
