import dns from "node:dns";

/**
 * Every address a host name resolves to. Injectable so tests can make a name resolve to any
 * address (or to different addresses on each call, as a rebinding attacker's DNS would).
 * Rejects with the resolver's error (code ENOTFOUND, EAI_AGAIN...) when the name does not resolve.
 */
export type Resolve = (hostname: string) => Promise<string[]>;

/** The system's resolver (getaddrinfo: hosts file, then DNS), as node:net itself would use it. */
export const systemResolve: Resolve = async (hostname) => {
  const answers = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
};

/** Why a name did not resolve, for a person: never the resolver's raw text. */
export function describeResolveFailure(hostname: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "ENOTFOUND" || code === "ENODATA" || code === "EAI_NONAME") {
    return `${hostname} does not resolve to any address; check the host name.`;
  }
  if (code === "ETIMEOUT" || code === "EAI_AGAIN" || code === "ESERVFAIL") {
    return `${hostname} could not be resolved just now (the DNS lookup failed for a while); try again.`;
  }
  return `${hostname} could not be resolved${typeof code === "string" ? ` (${code})` : ""}; check the host name.`;
}
