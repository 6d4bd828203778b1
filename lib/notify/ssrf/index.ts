export { checkAddress, loopbackAllowed, type AddressCheck, type OutgoingPolicy } from "./address";
export { BlockedAddressError, guardedLookup, isBlockedAddressError } from "./guarded-lookup";
export { systemResolve, type Resolve } from "./resolve";
export { MAX_URL_LENGTH, checkLiteralHost, checkOutgoingUrl, checkOutgoingUrlResolved, type UrlCheck, type UrlRefusal } from "./url";
