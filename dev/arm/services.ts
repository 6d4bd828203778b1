/**
 * Everything a handler may use, created once per server. Kept in one object so handlers stay
 * plain functions of (request context) and tests can build the same services without HTTP.
 */
import type { ResolvedConfig } from "./config";
import type { ArmBehaviour } from "./protocol/behaviour";
import type { Rbac } from "./auth/rbac";
import type { TokenVerifier } from "./auth/tokens";
import type { ChangeFeed } from "./protocol/change-feed";
import type { FaultInjector } from "./protocol/faults";
import type { LroEngine } from "./protocol/lro";
import type { Throttler } from "./protocol/throttling";
import type { SpecCatalog } from "./validation/spec-catalog";
import type { World } from "./world/store";

export type RequestStats = {
  total: number;
  byStatus: Record<string, number>;
};

export type Services = {
  config: ResolvedConfig;
  /** Switchable behaviour (starts as config.behaviour; the admin API changes it at run time). */
  behaviour: ArmBehaviour;
  world: World;
  rbac: Rbac;
  tokens: TokenVerifier;
  throttler: Throttler;
  faults: FaultInjector;
  lro: LroEngine;
  changeFeed: ChangeFeed;
  /** Undefined when the spec copies are not on this machine (then only hand-written checks run). */
  specs: SpecCatalog | undefined;
  /** https://localhost:<port>, known once listening. */
  baseUrl: string;
  stats: RequestStats;
};
