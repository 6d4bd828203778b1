import { buttonStyles } from "@/app/_components/ui";
import { controlProps, Field, inputStyles, type FieldIds } from "../_components/field";

/**
 * The private endpoint's name: suggested from the target until the person types their own, with a
 * way back to the suggestion. `resourceGroup`: where it will be created, once a network is chosen.
 */
export function EndpointNameField({
  ids,
  value,
  suggestion,
  edited,
  resourceGroup,
  error,
  onChange,
  onUseSuggestion,
}: {
  ids: FieldIds;
  value: string;
  suggestion: string;
  /** The person typed a name (rather than taking the suggestion). */
  edited: boolean;
  resourceGroup: string | null;
  error: string | null;
  onChange: (value: string) => void;
  onUseSuggestion: () => void;
}) {
  return (
    <Field
      ids={ids}
      label="Endpoint name"
      error={error}
      hint={
        resourceGroup
          ? `Created in resource group ${resourceGroup}. 2–64 letters, digits, hyphens, underscores or periods.`
          : "2–64 letters, digits, hyphens, underscores or periods; starts with a letter or digit."
      }
    >
      <div className="flex gap-2">
        <input
          {...controlProps(ids, error)}
          name="endpointName"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={suggestion ? undefined : "Suggested from the target"}
          className={`${inputStyles} min-w-0 font-mono`}
          autoComplete="off"
          spellCheck={false}
        />
        {edited && suggestion && value !== suggestion && (
          <button type="button" className={`${buttonStyles.subtle} shrink-0`} onClick={onUseSuggestion}>
            Use suggestion
          </button>
        )}
      </div>
    </Field>
  );
}
