"use client";

import { useState } from "react";
import { parseResourceId, parseTargetResourceId } from "@/lib/domain/resource-id";
import { cardStyles } from "@/app/_components/ui";
import { registerExistingAction } from "../actions";
import { controlProps, Field, fieldIds, inputStyles } from "../_components/field";
import { FormActions } from "../_components/form-actions";
import { FormProblem } from "../_components/form-problem";
import { useActionForm } from "../_components/use-action-form";

const FIELDS = ["privateEndpointId", "targetResourceId"] as const;
type FieldName = (typeof FIELDS)[number];
const ids = { privateEndpointId: fieldIds("privateEndpointId"), targetResourceId: fieldIds("targetResourceId") };

/** Register a private endpoint made outside Crosslink: both IDs are checked as typed, then in Azure by the server action. */
export function RegisterForm({ initialTarget }: { initialTarget: string }) {
  const [values, setValues] = useState<Record<FieldName, string>>({ privateEndpointId: "", targetResourceId: initialTarget });

  const endpoint = values.privateEndpointId.trim() ? parseResourceId(values.privateEndpointId, { expect: ["privateEndpoint"] }) : null;
  const target = values.targetResourceId.trim() ? parseTargetResourceId(values.targetResourceId) : null;
  const form = useActionForm({
    action: registerExistingAction,
    fields: FIELDS,
    values,
    clientErrors: {
      privateEndpointId: !endpoint ? "Paste the resource ID of your private endpoint." : endpoint.ok ? undefined : endpoint.message,
      targetResourceId: !target ? "Enter the resource ID of the app or service the endpoint connects to." : target.ok ? undefined : target.message,
    },
    focusIdOf: (field) => ids[field].id,
  });

  const inputProps = (field: FieldName, error: string | null) => ({
    ...controlProps(ids[field], error),
    name: field,
    value: values[field],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
    onBlur: () => form.touch(field),
    className: `${inputStyles} font-mono`,
    autoComplete: "off",
    spellCheck: false,
  });
  const endpointError = form.errorOf("privateEndpointId");
  const targetError = form.errorOf("targetResourceId");

  return (
    // wrap-anywhere: resource IDs in messages have no spaces to wrap at; on a phone they break anywhere instead of widening the page.
    <form {...form.formProps} className="space-y-6 wrap-anywhere">
      <FormProblem problem={form.problem} title="The endpoint was not registered" />
      <section className={`${cardStyles} space-y-5`}>
        <Field
          ids={ids.privateEndpointId}
          label="Private endpoint resource ID"
          error={endpointError}
          hint={
            <>
              From <span className="font-mono">az network private-endpoint show -g &lt;resource group&gt; -n &lt;name&gt; --query id -o tsv</span>, or the
              endpoint&apos;s Properties → Resource ID in the portal (the portal page&apos;s address works too).
            </>
          }
        >
          <input {...inputProps("privateEndpointId", endpointError)} />
        </Field>
        <Field
          ids={ids.targetResourceId}
          label="Resource it connects to"
          error={targetError}
          hint="The provider's web app, function app, deployment slot or Private Link Service, as you named it when you created the endpoint."
        >
          <input {...inputProps("targetResourceId", targetError)} />
        </Field>
        <div className="rounded-fl bg-surface2 px-3 py-2 text-xs text-fg2">
          <p className="font-semibold text-fg1">What Crosslink checks, with your account</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            <li>that you can read the endpoint in Azure,</li>
            <li>that its connection is a manual request to that resource, which a provider manages through Crosslink,</li>
            <li>that Crosslink doesn&apos;t follow it already.</li>
          </ul>
          <p className="mt-1">The request starts in the state Azure reports (Pending, Approved, …). Nothing changes in Azure.</p>
        </div>
      </section>
      <FormActions pending={form.pending} label="Register endpoint" pendingLabel="Checking in Azure…" />
    </form>
  );
}
