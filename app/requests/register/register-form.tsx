"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { parseResourceId, parseTargetResourceId } from "@/lib/domain/resource-id";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { registerExistingAction, type FormResult } from "../actions";
import { controlProps, Field, fieldIds, inputStyles, SignInAgainLink, Spinner } from "../_components/field";

const FIELDS = ["privateEndpointId", "targetResourceId"] as const;
type FieldName = (typeof FIELDS)[number];
const ids = { privateEndpointId: fieldIds("privateEndpointId"), targetResourceId: fieldIds("targetResourceId") };

export function RegisterForm({ initialTarget }: { initialTarget: string }) {
  const [result, dispatch, pending] = useActionState<FormResult, FormData>(registerExistingAction, null);
  const [values, setValues] = useState<Record<FieldName, string>>({ privateEndpointId: "", targetResourceId: initialTarget });
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [submitted, setSubmitted] = useState<Record<FieldName, string> | null>(null);

  const endpoint = values.privateEndpointId.trim() ? parseResourceId(values.privateEndpointId, { expect: ["privateEndpoint"] }) : null;
  const target = values.targetResourceId.trim() ? parseTargetResourceId(values.targetResourceId) : null;
  const clientErrors: Partial<Record<FieldName, string>> = {
    privateEndpointId: !endpoint ? "Paste the resource ID of your private endpoint." : endpoint.ok ? undefined : endpoint.message,
    targetResourceId: !target ? "Enter the resource ID of the app or service the endpoint connects to." : target.ok ? undefined : target.message,
  };
  const serverErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const errorOf = (field: FieldName): string | null => {
    if ((touched[field] || submitted) && clientErrors[field]) return clientErrors[field] ?? null;
    const server = serverErrors[field];
    return server && submitted?.[field] === values[field] ? server : null;
  };

  const formError = result && !result.ok && !result.fieldErrors ? result : null;
  const formErrorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) formErrorRef.current?.focus();
  }, [formError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(values);
    const firstInvalid = FIELDS.find((f) => clientErrors[f]);
    if (firstInvalid) {
      document.getElementById(ids[firstInvalid].id)?.focus();
      return;
    }
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  const set = (field: FieldName) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const blur = (field: FieldName) => () => setTouched((t) => ({ ...t, [field]: true }));
  const endpointError = errorOf("privateEndpointId");
  const targetError = errorOf("targetResourceId");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError && (
        <div ref={formErrorRef} tabIndex={-1} role="alert" className="rounded-fl border border-danger bg-danger-bg px-4 py-3 text-sm text-danger">
          <p className="font-semibold">The endpoint was not registered</p>
          <p className="mt-1 text-fg1">
            {formError.message} {formError.status === 401 && <SignInAgainLink returnTo="/requests/register" />}
          </p>
        </div>
      )}
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
          <input
            {...controlProps(ids.privateEndpointId, endpointError)}
            name="privateEndpointId"
            value={values.privateEndpointId}
            onChange={set("privateEndpointId")}
            onBlur={blur("privateEndpointId")}
            className={`${inputStyles} font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field
          ids={ids.targetResourceId}
          label="Resource it connects to"
          error={targetError}
          hint="The provider's web app, function app, deployment slot or Private Link Service, as you named it when you created the endpoint."
        >
          <input
            {...controlProps(ids.targetResourceId, targetError)}
            name="targetResourceId"
            value={values.targetResourceId}
            onChange={set("targetResourceId")}
            onBlur={blur("targetResourceId")}
            className={`${inputStyles} font-mono`}
            autoComplete="off"
            spellCheck={false}
          />
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
      {result && !result.ok && result.fieldErrors && (
        <p role="alert" className="text-sm text-danger">
          {result.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          {pending ? <Spinner inherit label="Checking in Azure…" /> : "Register endpoint"}
        </button>
        <Link href="/requests" className={buttonStyles.subtle}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
