import type { ActionError } from "@/app/_lib/action";

/**
 * A refusal about the form as a whole ("form" in fieldErrors, e.g. "This route is paused") is
 * said in the message itself: the action wrapper's summary would otherwise only say "Check the
 * highlighted fields" with no field highlighted.
 */
export function formLevelMessage<T>(result: T | ActionError): T | ActionError {
  if (!isActionError(result) || !result.fieldErrors?.form) return result;
  const { form, ...fields } = result.fieldErrors;
  const others = Object.keys(fields).length > 0;
  return { ...result, message: others ? `${form} Check the highlighted fields.` : form, fieldErrors: others ? fields : undefined };
}

function isActionError(value: unknown): value is ActionError {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}
