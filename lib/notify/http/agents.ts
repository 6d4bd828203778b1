import http from "node:http";
import https from "node:https";
import type { OutgoingPolicy } from "../ssrf/address";
import { guardedLookup } from "../ssrf/guarded-lookup";
import type { Resolve } from "../ssrf/resolve";

export type Agents = { http: http.Agent; https: https.Agent };

/**
 * Keep-alive agents per policy, so hundreds of posts a second to one receiver reuse a few warm
 * connections (a TLS handshake per delivery would cost more than the delivery). Every new
 * connection goes through the guarded lookup; a reused one was checked when it was opened.
 */
const shared = new Map<string, Agents>();

const AGENT_OPTIONS = {
  keepAlive: true,
  // Idle sockets close before the receiver's own keep-alive timeout (Node servers: 5 s), and
  // sooner if it announces a shorter one; reusing a socket the server is closing fails the post.
  timeout: 4000,
  maxSockets: 64,
  maxFreeSockets: 64,
  scheduling: "lifo",
} as const;

function makeAgents(policy: OutgoingPolicy, resolve: Resolve | undefined, keepAlive: boolean): Agents {
  const lookup = guardedLookup(policy, resolve);
  const options = { ...AGENT_OPTIONS, keepAlive, lookup };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

/**
 * The shared agents of a policy; with an injected resolver (tests), agents of their own that keep
 * no connections, so each post resolves (and is checked) again.
 */
export function agentsFor(policy: OutgoingPolicy, resolve?: Resolve): Agents {
  if (resolve) return makeAgents(policy, resolve, false);
  const key = `${policy.mode}:${policy.allowLoopback}`;
  let agents = shared.get(key);
  if (!agents) {
    agents = makeAgents(policy, undefined, true);
    shared.set(key, agents);
  }
  return agents;
}
