import type { LookupAddress, LookupOptions } from "node:dns";
import net, { type LookupFunction } from "node:net";
import { checkAddress, type OutgoingPolicy } from "./address";
import { systemResolve, type Resolve } from "./resolve";

/** A connection refused by the SSRF policy; `message` is written for people (and for the delivery log). */
export class BlockedAddressError extends Error {
  readonly code = "ERR_CROSSLINK_BLOCKED_ADDRESS";
  constructor(message: string) {
    super(message);
    this.name = "BlockedAddressError";
  }
}

export function isBlockedAddressError(err: unknown): err is BlockedAddressError {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "ERR_CROSSLINK_BLOCKED_ADDRESS";
}

/**
 * The `lookup` of the agents that post to routes: it resolves the name at connect time and
 * refuses the connection if ANY address is refused. Checking the URL when the route was saved
 * is not enough: a name can answer a public address to the form and a private one a minute later
 * (DNS rebinding); this check runs on the very answer the socket connects to.
 *
 * node:net calls it with `all: true` (happy eyeballs, the default since Node 20) or without
 * (one address); both are answered. It is not called for literal IP hosts: those are checked
 * before the request is made (checkLiteralHost).
 */
export function guardedLookup(policy: OutgoingPolicy, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname).then(
      (addresses) => {
        for (const address of addresses) {
          const check = checkAddress(address, policy);
          if (!check.ok) {
            callback(new BlockedAddressError(`${hostname} resolves to ${address}, ${check.message}; Crosslink only calls public addresses.`), "");
            return;
          }
        }
        const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
        const usable: LookupAddress[] = addresses
          .map((address) => ({ address, family: net.isIP(address) }))
          .filter((a) => a.family !== 0 && (family === 0 || a.family === family));
        const first = usable[0];
        if (!first) {
          callback(Object.assign(new Error(`${hostname} does not resolve to any address`), { code: "ENOTFOUND", hostname }), "");
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (err: NodeJS.ErrnoException) => callback(err, ""),
    );
  };
}
