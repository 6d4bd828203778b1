import { catalogEntryFor, TARGET_LABELS } from "@/lib/domain/private-link-catalog";

/**
 * A request's target kind in words, from what the request stores: its ARM type and, when the
 * read model carries it, the kind recorded when the provider registered the resource
 * (ProviderResource.kind: "webApp", "functionApp"…; Azure's own "functionapp,linux" reads too).
 * Microsoft.Web/sites holds both web apps and function apps, so the type alone cannot tell them
 * apart: without the kind a site is an "App Service app", which is true of both, not a guess.
 */
export function targetKindLabel(targetType: string, kind?: string | null): string {
  switch (targetType.toLowerCase()) {
    case "microsoft.web/sites":
      if (!kind) return "App Service app";
      return /functionapp/i.test(kind) ? TARGET_LABELS.functionApp : TARGET_LABELS.webApp;
    case "microsoft.web/sites/slots":
      return TARGET_LABELS.slot;
    case "microsoft.network/privatelinkservices":
      return TARGET_LABELS.privateLinkService;
    default:
      return catalogEntryFor(targetType)?.label ?? (targetType || "Resource");
  }
}
