import type { RequestMessageCheck } from "@/lib/domain/private-link-catalog";
import { controlProps, Field, inputStyles, type FieldIds } from "../_components/field";

/**
 * The message Azure stores with the connection request, with a live count against the target
 * type's limit (announced with the field, so the limit is known before it is reached).
 */
export function MessageField({
  ids,
  value,
  check,
  error,
  limitKnown,
  onChange,
}: {
  ids: FieldIds;
  value: string;
  check: RequestMessageCheck;
  error: string | null;
  /** Whether the target (and so its limit) is known yet. */
  limitKnown: boolean;
  onChange: (value: string) => void;
}) {
  const countId = `${ids.id}-count`;
  return (
    <>
      <Field
        ids={ids}
        label="Request message"
        error={error}
        hint="Say who you are, what you need the connection for, and a ticket or contract number if you have one."
        extra={
          <span id={countId} className={`text-xs tabular-nums ${check.length > check.limit ? "font-semibold text-danger" : "text-fg3"}`} data-testid="message-count">
            {check.length} / {check.limit}
            <span className="sr-only"> characters</span>
          </span>
        }
      >
        <textarea
          {...controlProps(ids, error)}
          aria-describedby={[ids.hintId, countId, error ? ids.errorId : null].filter(Boolean).join(" ")}
          name="requestMessage"
          rows={3}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={inputStyles}
        />
      </Field>
      {!limitKnown && <p className="text-xs text-fg3">The limit depends on the target: 140 characters for App Service apps and Private Link Services.</p>}
    </>
  );
}
