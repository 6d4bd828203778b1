/**
 * IDs handed to lib/azure by the app, checked with lib/domain's parser before any Azure call, so
 * a wrong ID gets the parser's specific message instead of an Azure 400/404.
 */
import { parseResourceId, type ParsedResourceId, type ResourceKind } from "../domain/resource-id";
import { AzureError, LOCAL_ERROR_CODES } from "./azure-error";

export function requireResourceId<K extends ResourceKind>(input: string, kinds: readonly K[]): Extract<ParsedResourceId, { kind: K }> {
  const parsed = parseResourceId(input, { expect: kinds });
  if (!parsed.ok) {
    throw new AzureError({
      status: null,
      code: LOCAL_ERROR_CODES.invalidResourceId,
      message: `Not usable as ${kinds.join("/")} ID (${parsed.code}): ${input}`,
      userMessage: parsed.message,
      retryable: false,
    });
  }
  return parsed as unknown as Extract<ParsedResourceId, { kind: K }>;
}
