"use client";

import { useState } from "react";
import { useJson } from "@/app/_lib/use-json";
import { fileRequestAction } from "../actions";
import { networksSchema, networksUrl, SUBSCRIPTIONS_URL, subscriptionsSchema } from "../_lib/consumer-api";
import { fieldIds } from "../_components/field";
import { FormActions } from "../_components/form-actions";
import { FormProblem } from "../_components/form-problem";
import { useActionForm } from "../_components/use-action-form";
import { checkDraft, FIELDS, initialDraft, type Draft, type FieldName } from "./draft";
import { EndpointNameField } from "./endpoint-name-field";
import { FormSection } from "./form-section";
import { GroupIdChoice } from "./group-id-choice";
import { MessageField } from "./message-field";
import { ProviderRegistration } from "./provider-registration";
import { SubnetPicker, subnetInputId } from "./subnet-picker";
import { SubscriptionPicker } from "./subscription-picker";
import { TargetField } from "./target-field";

const ids = {
  targetResourceId: fieldIds("targetResourceId"),
  groupId: fieldIds("groupId"),
  slotName: fieldIds("slotName"),
  requestMessage: fieldIds("requestMessage"),
  subscriptionId: fieldIds("subscriptionId"),
  subnetId: fieldIds("subnetId"),
  endpointName: fieldIds("endpointName"),
};

/**
 * File a connection request: what to reach, the message for the provider, and where the endpoint
 * goes in the person's own Azure (subscriptions and networks read live with their token). Checked
 * as they type (./draft); the server action checks again and may refuse fields only it can judge.
 */
export function NewRequestForm({ initialTarget, initialGroupId }: { initialTarget: string; initialGroupId: string }) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(initialTarget, initialGroupId));
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  // What Azure says. With one subscription to choose from, it is chosen, and its networks load.
  const subscriptions = useJson(SUBSCRIPTIONS_URL, subscriptionsSchema, ({ subscriptions }) => {
    const usable = subscriptions.filter((s) => s.usable);
    if (usable.length === 1 && usable[0]) edit({ subscriptionId: usable[0].subscriptionId, subnetId: "" });
  });
  const networks = useJson(draft.subscriptionId ? networksUrl(draft.subscriptionId) : null, networksSchema);
  const allNetworks = networks.load.status === "ready" ? networks.load.data.networks : [];

  const checked = checkDraft(draft, allNetworks);
  const subscriptionName =
    subscriptions.load.status === "ready" ? subscriptions.load.data.subscriptions.find((s) => s.subscriptionId === draft.subscriptionId)?.displayName : undefined;
  /** The chosen subnet's radio, else the first one that can be chosen, else the subscription (no subnets yet). */
  const subnetToFocus = () => {
    const subnet = checked.subnet ?? allNetworks.flatMap((n) => n.subnets).find((s) => s.endpointAllowed);
    return subnet ? subnetInputId(subnet.id) : ids.subscriptionId.id;
  };

  const form = useActionForm({
    action: fileRequestAction,
    fields: FIELDS,
    values: checked.values,
    clientErrors: checked.errors,
    focusIdOf: (field) => (field === "groupId" ? ids.slotName.id : field === "subnetId" ? subnetToFocus() : ids[field].id),
    // A target from the URL is checked at once: the person came to fix or reuse it.
    initiallyTouched: { targetResourceId: initialTarget !== "" },
  });
  const touch = (field: FieldName | "slotName") => () => form.touch(field);

  return (
    // wrap-anywhere: resource IDs and example paths have no spaces to wrap at; on a phone they break anywhere instead of widening the page.
    <form {...form.formProps} className="space-y-6 wrap-anywhere">
      <FormProblem problem={form.problem} title="The request was not filed" />

      <FormSection id="what" title="What do you want to reach?" intro="The provider's web app, function app, deployment slot or Private Link Service.">
        <TargetField
          ids={ids.targetResourceId}
          value={draft.target}
          target={checked.target}
          error={form.errorOf("targetResourceId")}
          onChange={(target) => edit({ target })}
          onBlur={touch("targetResourceId")}
        />
        <GroupIdChoice
          ids={ids.groupId}
          slotIds={ids.slotName}
          target={checked.target}
          choice={draft.groupChoice}
          onChoice={(groupChoice) => edit({ groupChoice })}
          slotName={draft.slotName}
          onSlotName={(slotName) => edit({ slotName })}
          onSlotBlur={touch("slotName")}
          // A slot name is checked once its own field was left; the default choice needs no visit.
          error={form.errorOf("groupId", draft.groupChoice === "slot" ? "slotName" : "groupId")}
        />
        <input type="hidden" name="groupId" value={checked.values.groupId} />
      </FormSection>

      <FormSection id="why" title="Your message to the provider" intro="Azure stores it with the connection request; the provider reads it before deciding.">
        <MessageField
          ids={ids.requestMessage}
          value={draft.message}
          check={checked.messageCheck}
          error={form.errorOf("requestMessage")}
          limitKnown={checked.entry !== null}
          onChange={(message) => {
            edit({ message });
            form.touch("requestMessage");
          }}
        />
      </FormSection>

      <FormSection
        id="where"
        title="Where the private endpoint goes"
        intro="In one of your subscriptions and virtual networks, read live from Azure with your own account. Crosslink creates the endpoint with your rights."
      >
        <SubscriptionPicker
          ids={ids.subscriptionId}
          load={subscriptions.load}
          value={draft.subscriptionId}
          error={form.errorOf("subscriptionId")}
          onRetry={subscriptions.retry}
          onChange={(subscriptionId) => {
            edit({ subscriptionId, subnetId: "" });
            form.touch("subscriptionId");
          }}
        />
        {draft.subscriptionId && (
          // Keyed by subscription: another subscription's answer is never shown for this one.
          <ProviderRegistration
            key={draft.subscriptionId}
            subscriptionId={draft.subscriptionId}
            subscriptionName={subscriptionName ?? draft.subscriptionId}
            target={checked.target?.id ?? ""}
          />
        )}
        {draft.subscriptionId && (
          <SubnetPicker
            ids={ids.subnetId}
            load={networks.load}
            value={draft.subnetId}
            error={form.errorOf("subnetId")}
            onRetry={networks.retry}
            onChange={(subnetId) => {
              edit({ subnetId });
              form.touch("subnetId");
            }}
          />
        )}
        <input type="hidden" name="subscriptionId" value={draft.subscriptionId} />
        <input type="hidden" name="subnetId" value={draft.subnetId} />

        <div className="grid gap-5 sm:grid-cols-2">
          <div className="space-y-1.5">
            <p className="text-sm font-semibold text-fg1" id="region-label">
              Region
            </p>
            <p className="text-sm text-fg2" aria-labelledby="region-label" data-testid="endpoint-region">
              {checked.network ? (
                <>
                  <span className="font-semibold text-fg1">{checked.network.location}</span> — follows the virtual network {checked.network.name}
                </>
              ) : (
                "Follows the virtual network you choose."
              )}
            </p>
            <p className="text-xs text-fg3">A private endpoint must be in its virtual network&apos;s region; the app it reaches can be anywhere.</p>
          </div>
          <EndpointNameField
            ids={ids.endpointName}
            value={checked.endpointName}
            suggestion={checked.suggestion}
            edited={draft.nameInput !== null}
            resourceGroup={checked.network?.resourceGroup ?? null}
            error={form.errorOf("endpointName")}
            onChange={(nameInput) => {
              edit({ nameInput });
              form.touch("endpointName");
            }}
            onUseSuggestion={() => edit({ nameInput: null })}
          />
        </div>
      </FormSection>

      <FormActions
        pending={form.pending}
        label="File request"
        pendingLabel="Filing…"
        note="Crosslink records the request, then creates the endpoint in Azure; you can follow it on the next page."
      />
    </form>
  );
}
