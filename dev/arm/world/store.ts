/**
 * The in-memory world and its persistence.
 *
 * Every change goes through `mutate()`, which bumps `version`. Rendered JSON is cached per
 * resource and version (`cached()`), so a burst of GETs serialises a resource once, not per
 * request — that is what keeps reads fast (see bench.ts). The world can be saved to and loaded
 * from a JSON file between runs; saving is debounced so a burst of writes costs one file write.
 */
import fs from "node:fs";
import path from "node:path";
import { idKey, isWithinScope } from "./ids";
import type {
  ConnectionLink,
  ResourceGroupRecord,
  ResourceRecord,
  RoleAssignment,
  RoleDefinition,
  SubscriptionRecord,
  TenantRecord,
  WorldState,
} from "./model";
import { seedWorld } from "./seed";

/** Namespaces every subscription can use without registering (as in Azure). */
const ALWAYS_REGISTERED = ["microsoft.resources", "microsoft.authorization", "microsoft.features"];

export type WorldSummary = {
  version: number;
  tenants: { tenantId: string; displayName: string; subscriptions: string[] }[];
  subscriptions: { subscriptionId: string; displayName: string; tenantId: string; resourceGroups: string[] }[];
  resources: { id: string; kind: string; provisioningState?: string }[];
  connections: {
    linkId: string;
    privateEndpointId: string;
    targetId: string;
    groupId?: string;
    providerConnectionName: string;
    status: string;
    consumerSees: string;
    description: string;
  }[];
  roleAssignments: { principalId: string; role: string; scope: string }[];
};

export class World {
  version = 0;
  private tenants = new Map<string, TenantRecord>();
  private subscriptions = new Map<string, SubscriptionRecord>();
  private resourceGroups = new Map<string, ResourceGroupRecord>();
  private resources = new Map<string, ResourceRecord>();
  private links = new Map<string, ConnectionLink>();
  roleDefinitions: RoleDefinition[] = [];
  roleAssignments: RoleAssignment[] = [];
  private renderCache = new Map<string, { version: number; value: string }>();
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    state: WorldState = seedWorld(),
    private readonly stateFile?: string,
  ) {
    this.load(state);
  }

  // ------------------------------------------------------------------ lifecycle

  load(state: WorldState): void {
    if (state.schemaVersion !== 1) throw new Error(`unsupported world schemaVersion ${String(state.schemaVersion)}`);
    const copy = structuredClone(state);
    this.tenants = new Map(copy.tenants.map((t) => [t.tenantId.toLowerCase(), t]));
    this.subscriptions = new Map(copy.subscriptions.map((s) => [s.subscriptionId.toLowerCase(), s]));
    this.resourceGroups = new Map(copy.resourceGroups.map((g) => [idKey(g.id), g]));
    this.resources = new Map(copy.resources.map((r) => [idKey(r.id), r]));
    this.links = new Map(copy.links.map((l) => [l.linkId, l]));
    this.roleDefinitions = copy.roleDefinitions;
    this.roleAssignments = copy.roleAssignments;
    this.settle();
    this.touch();
  }

  /**
   * A saved world may hold states of operations that were running when it was written; their
   * timers are gone, so they would stay Updating forever. Settle them as finished.
   */
  private settle(): void {
    for (const r of this.resources.values()) {
      if ("provisioningState" in r && ["Updating", "Creating", "Deleting"].includes(r.provisioningState)) r.provisioningState = "Succeeded";
    }
    for (const l of this.links.values()) {
      if (l.provisioningState !== "Succeeded" && l.provisioningState !== "Failed") l.provisioningState = "Succeeded";
      if (!l.visible && this.resources.has(idKey(l.privateEndpointId))) l.visible = true;
    }
  }

  reset(): void {
    this.load(seedWorld());
  }

  snapshot(): WorldState {
    return structuredClone({
      schemaVersion: 1 as const,
      tenants: [...this.tenants.values()],
      subscriptions: [...this.subscriptions.values()],
      resourceGroups: [...this.resourceGroups.values()],
      roleDefinitions: this.roleDefinitions,
      roleAssignments: this.roleAssignments,
      resources: [...this.resources.values()],
      links: [...this.links.values()],
    });
  }

  static fromFile(file: string): World {
    const state = JSON.parse(fs.readFileSync(file, "utf8")) as WorldState;
    return new World(state, file);
  }

  saveTo(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.snapshot(), null, 2));
    fs.renameSync(tmp, file);
  }

  /** Writes pending changes now (called on close). */
  flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.stateFile) this.saveTo(this.stateFile);
  }

  /** Applies a change: bumps the version (invalidating rendered JSON) and schedules a save. */
  mutate<T>(fn: () => T): T {
    const result = fn();
    this.touch();
    return result;
  }

  private touch(): void {
    this.version++;
    if (this.stateFile && !this.saveTimer) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        try {
          if (this.stateFile) this.saveTo(this.stateFile);
        } catch (err) {
          console.error(`[local-arm] could not save world to ${this.stateFile}:`, err);
        }
      }, 50);
      this.saveTimer.unref();
    }
  }

  /** Rendered JSON for `key`, recomputed only when the world changed since last time. */
  cached(key: string, render: () => string): string {
    const hit = this.renderCache.get(key);
    if (hit && hit.version === this.version) return hit.value;
    const value = render();
    if (this.renderCache.size > 5000) this.renderCache.clear();
    this.renderCache.set(key, { version: this.version, value });
    return value;
  }

  // ------------------------------------------------------------------ tenants & subscriptions

  tenant(tenantId: string): TenantRecord | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  allTenants(): TenantRecord[] {
    return [...this.tenants.values()];
  }

  subscription(subscriptionId: string): SubscriptionRecord | undefined {
    return this.subscriptions.get(subscriptionId.toLowerCase());
  }

  allSubscriptions(): SubscriptionRecord[] {
    return [...this.subscriptions.values()];
  }

  isRegistered(subscriptionId: string, namespace: string): boolean {
    return this.registrationState(subscriptionId, namespace) === "Registered";
  }

  /** Azure's `registrationState` of a namespace in a subscription (a finished registration counts). */
  registrationState(subscriptionId: string, namespace: string): "Registered" | "Registering" | "NotRegistered" {
    const ns = namespace.toLowerCase();
    if (ALWAYS_REGISTERED.includes(ns)) return "Registered";
    const sub = this.subscription(subscriptionId);
    if (!sub) return "NotRegistered";
    if (sub.registeredProviders.some((p) => p.toLowerCase() === ns)) return "Registered";
    const readyAt = sub.registering?.[ns];
    if (readyAt === undefined) return "NotRegistered";
    return Date.now() >= readyAt ? "Registered" : "Registering";
  }

  /** Registered at once (`delayMs` 0) or after `delayMs`; unregistering is immediate. */
  setRegistered(subscriptionId: string, namespace: string, registered: boolean, delayMs = 0): void {
    const sub = this.subscription(subscriptionId);
    if (!sub) return;
    const ns = namespace.toLowerCase();
    this.mutate(() => {
      const wasRegistered = this.isRegistered(subscriptionId, namespace);
      sub.registeredProviders = sub.registeredProviders.filter((p) => p.toLowerCase() !== ns);
      const { [ns]: running, ...others } = sub.registering ?? {};
      sub.registering = others;
      if (!registered) return;
      if (wasRegistered || delayMs <= 0) sub.registeredProviders.push(namespace);
      else sub.registering[ns] = running ?? Date.now() + delayMs;
    });
  }

  // ------------------------------------------------------------------ resource groups

  resourceGroup(subscriptionId: string, name: string): ResourceGroupRecord | undefined {
    return this.resourceGroups.get(idKey(`/subscriptions/${subscriptionId}/resourceGroups/${name}`));
  }

  resourceGroupsIn(subscriptionId: string): ResourceGroupRecord[] {
    const s = subscriptionId.toLowerCase();
    return [...this.resourceGroups.values()].filter((g) => g.subscriptionId.toLowerCase() === s);
  }

  // ------------------------------------------------------------------ resources

  get<T extends ResourceRecord["kind"]>(id: string, kind: T): Extract<ResourceRecord, { kind: T }> | undefined {
    const r = this.resources.get(idKey(id));
    return r && r.kind === kind ? (r as Extract<ResourceRecord, { kind: T }>) : undefined;
  }

  any(id: string): ResourceRecord | undefined {
    return this.resources.get(idKey(id));
  }

  /** Resources of one kind, optionally within a scope (subscription, group or parent resource). */
  list<T extends ResourceRecord["kind"]>(kind: T, scope?: string): Extract<ResourceRecord, { kind: T }>[] {
    const out: Extract<ResourceRecord, { kind: T }>[] = [];
    for (const r of this.resources.values()) {
      if (r.kind === kind && (!scope || isWithinScope(r.id, scope))) out.push(r as Extract<ResourceRecord, { kind: T }>);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Inserts or replaces a record. Call inside `mutate()`. */
  put(record: ResourceRecord): void {
    this.resources.set(idKey(record.id), record);
  }

  remove(id: string): void {
    this.resources.delete(idKey(id));
  }

  // ------------------------------------------------------------------ connection links

  link(linkId: string): ConnectionLink | undefined {
    return this.links.get(linkId);
  }

  allLinks(): ConnectionLink[] {
    return [...this.links.values()];
  }

  putLink(link: ConnectionLink): void {
    this.links.set(link.linkId, link);
  }

  removeLink(linkId: string): void {
    this.links.delete(linkId);
  }

  // ------------------------------------------------------------------ inspect

  summary(): WorldSummary {
    const roleName = (id: string) => this.roleDefinitions.find((r) => r.id === id)?.roleName ?? id;
    return {
      version: this.version,
      tenants: this.allTenants().map((t) => ({
        tenantId: t.tenantId,
        displayName: t.displayName,
        subscriptions: this.allSubscriptions()
          .filter((s) => s.tenantId === t.tenantId)
          .map((s) => s.subscriptionId),
      })),
      subscriptions: this.allSubscriptions().map((s) => ({
        subscriptionId: s.subscriptionId,
        displayName: s.displayName,
        tenantId: s.tenantId,
        resourceGroups: this.resourceGroupsIn(s.subscriptionId).map((g) => g.name),
      })),
      resources: [...this.resources.values()]
        .map((r) => ({
          id: r.id,
          kind: r.kind,
          provisioningState: "provisioningState" in r ? r.provisioningState : undefined,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      connections: this.allLinks().map((l) => ({
        linkId: l.linkId,
        privateEndpointId: l.privateEndpointId,
        targetId: l.targetId,
        groupId: l.groupId,
        providerConnectionName: l.providerConnectionName,
        status: l.status,
        consumerSees: l.providerDeleted ? "Disconnected" : l.status,
        description: l.description,
      })),
      roleAssignments: this.roleAssignments.map((a) => ({
        principalId: a.principalId,
        role: roleName(a.roleDefinitionId),
        scope: a.scope,
      })),
    };
  }
}

