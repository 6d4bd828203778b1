/**
 * What a refused form says at its top. Field messages stand next to their fields, so the summary
 * points there; a refusal of the form as a whole ("form", e.g. "This route is paused") is said in
 * the summary itself, with no field left to highlight.
 */
export function formSummary(fieldErrors: Record<string, string>): { message: string; fieldErrors?: Record<string, string> } {
  const { form, ...fields } = fieldErrors;
  const others = Object.keys(fields).length > 0;
  if (form === undefined) return { message: "Check the highlighted fields.", fieldErrors };
  return { message: others ? `${form} Check the highlighted fields.` : form, ...(others ? { fieldErrors: fields } : {}) };
}
