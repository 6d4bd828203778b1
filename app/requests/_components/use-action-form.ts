import { startTransition, useActionState, useEffect, useEffectEvent, useState, type FormEvent } from "react";
import type { ActionError } from "@/app/_lib/action";
import type { FormResult } from "../actions";

type Action = (previous: FormResult, form: FormData) => Promise<FormResult>;

/**
 * What the consumer's forms share around their server action: live checks shown once a field was
 * left (or after a submit attempt), the server's field errors next to the fields they are about
 * (while the field still holds the value the server judged), a summary for failures that are not
 * about a field, focus on the first problem, and no second submit while one is pending.
 *
 * `fields` are the form's fields in the order they appear, which is the order focus looks for a
 * problem; `focusIdOf` names the element to focus for each (null: nothing to focus).
 */
export function useActionForm<F extends string>({
  action,
  fields,
  values,
  clientErrors,
  focusIdOf,
  initiallyTouched = {},
}: {
  action: Action;
  fields: readonly F[];
  values: Record<F, string>;
  clientErrors: Partial<Record<F, string>>;
  focusIdOf: (field: F) => string | null;
  /** Fields (or other controls, by any key) to check from the start, e.g. a prefilled one. */
  initiallyTouched?: Partial<Record<string, boolean>>;
}) {
  const [result, dispatch, pending] = useActionState<FormResult, FormData>(action, null);
  const [touched, setTouched] = useState(initiallyTouched);
  const [submitted, setSubmitted] = useState<Record<F, string> | null>(null);

  const refusal: ActionError | null = result && !result.ok ? result : null;
  const serverErrors: Partial<Record<string, string>> = refusal?.fieldErrors ?? {};
  const isField = (name: string): name is F => (fields as readonly string[]).includes(name);
  // The summary: a failure about no field, or about one this form does not show (its message would be lost).
  const summary = refusal && (!refusal.fieldErrors || Object.keys(refusal.fieldErrors).some((f) => !isField(f))) ? refusal : null;

  /** A field's error: its live check once touched (by `touchKey`) or submitted, else the server's for the value it judged. */
  const errorOf = (field: F, touchKey: string = field): string | null => {
    const live = clientErrors[field];
    if (live && (touched[touchKey] || submitted)) return live;
    const server = serverErrors[field];
    return server && submitted?.[field] === values[field] ? server : null;
  };

  const touch = (key: string) => setTouched((t) => (t[key] ? t : { ...t, [key]: true }));

  const focusField = (field: F) => {
    const id = focusIdOf(field);
    if (id) document.getElementById(id)?.focus();
  };

  // The server refused some fields: take the person to the first, as a submit blocked by a live
  // check does. (A summary takes the focus itself, see FormProblem.)
  const focusFirstRefused = useEffectEvent(() => {
    const first = summary ? undefined : fields.find((f) => serverErrors[f]);
    if (first) focusField(first);
  });
  useEffect(() => focusFirstRefused(), [result]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return; // Enter in a field while the last submit is still on its way
    setSubmitted(values);
    const firstInvalid = fields.find((f) => clientErrors[f]);
    if (firstInvalid) return focusField(firstInvalid);
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  return {
    pending,
    errorOf,
    touch,
    /** Spread on the <form>: the browser's own validation is replaced by the checks above. */
    formProps: { onSubmit, noValidate: true, "aria-describedby": summary ? FORM_PROBLEM_ID : undefined },
    /** For FormProblem: the summary, or the server's line about the field errors it found. */
    problem: { summary, fieldsMessage: refusal && !summary ? refusal.message : null },
  };
}

/** The summary's id, which the form's aria-describedby names. */
export const FORM_PROBLEM_ID = "form-error";
