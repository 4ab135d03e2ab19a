import { armError, clone, Json, key, newETag } from './http';
import { latestNodeImageOf, Seed, SeedSubscription, SeedTenant } from './seeds';
import {
    ClusterRecord,
    clusterId,
    defaultClusterProperties,
    defaultPoolProperties,
    guidOf,
    PoolRecord,
    ResourceGroupRecord,
    SnapshotRecord,
} from './shapes';

/** A long operation as AKS runs it: polled through its operation URL until it ends. */
export interface Operation {
    readonly id: string;
    readonly subscriptionId: string;
    readonly location: string;
    /** The resource it changes, and what it does to it (`PUT`, `DELETE`, `POST upgradeNodeImageVersion`). */
    readonly resourceId: string;
    readonly kind: string;
    readonly startTime: string;
    pollsLeft: number;
    status: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';
    endTime?: string;
    error?: { code: string; message: string };
    /** Applies the end to the resource (its provisioningState, and on success whatever the operation does). */
    readonly settle: (status: 'Succeeded' | 'Failed' | 'Canceled') => void;
    /** What the Location URL answers once done. */
    readonly result: () => unknown;
    /** How it will end (a fault may make it Failed or Canceled; an abort makes it Canceled). */
    end: { status: 'Succeeded' | 'Failed' | 'Canceled'; error?: { code: string; message: string } };
}

/** A Fleet Manager fleet (`resources/fleets.ts`): its members and update runs. */
export interface FleetRecord {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    readonly eTag: string;
    /** By lower-case name. */
    readonly members: Map<string, FleetMemberRecord>;
    readonly updateRuns: Map<string, UpdateRunRecord>;
    /** Reusable strategies (`fleets/updateStrategies`), by lower-case name: a run made from one copies it. */
    readonly updateStrategies: Map<string, { readonly name: string; readonly strategy: Json; eTag: string }>;
}

/** A fleet's member: its cluster, and the update group it is in (at most one). */
export interface FleetMemberRecord {
    readonly name: string;
    readonly clusterResourceId: string;
    readonly group?: string;
    readonly eTag: string;
}

/** An update run's state where Fleet reports one (`UpdateState`): NotStarted, Running, Stopping, Stopped, Skipped, Failed, Completed. */
export type FleetUpdateState = 'NotStarted' | 'Running' | 'Stopping' | 'Stopped' | 'Skipped' | 'Failed' | 'Completed';

export interface UpdateRunRecord {
    readonly name: string;
    eTag: string;
    state: FleetUpdateState;
    startTime?: string;
    completedTime?: string;
    /** As it was created (served back with its status). */
    readonly properties: Json;
    readonly upgradeType: string;
    readonly kubernetesVersion?: string;
    readonly selectionType: string;
    readonly customVersions: readonly string[];
    readonly memberSeconds: number;
    readonly stages: {
        readonly name: string;
        readonly afterStageWaitInSeconds: number;
        state: FleetUpdateState;
        waiting?: { readonly waitDurationInSeconds: number; state: FleetUpdateState };
        readonly groups: {
            readonly name: string;
            state: FleetUpdateState;
            readonly members: { readonly name: string; readonly clusterResourceId: string; state: FleetUpdateState; message?: string }[];
        }[];
    }[];
}

const ID = {
    cluster: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)$/i,
    pool: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)\/agentpools\/([^/]+)$/i,
    snapshot: /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/snapshots\/([^/]+)$/i,
};

/** Everything the emulated Azure holds; the resource modules read and change it. */
export class EmulatorState {
    readonly tenantId: string;
    /** Every tenant the signed-in identity belongs to, the home one first. */
    readonly tenants: readonly SeedTenant[];
    readonly subscriptions: readonly SeedSubscription[];
    readonly resourceGroups = new Map<string, ResourceGroupRecord>();
    readonly clusters = new Map<string, ClusterRecord>();
    readonly snapshots = new Map<string, SnapshotRecord>();
    readonly operations = new Map<string, Operation>();
    readonly fleets = new Map<string, FleetRecord>();

    constructor(seed: Seed) {
        this.tenantId = seed.tenantId;
        this.tenants = [
            { tenantId: seed.tenantId, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' },
            ...(seed.guestTenants ?? []),
        ];
        this.subscriptions = seed.subscriptions;
        for (const rg of seed.resourceGroups) {
            this.resourceGroups.set(key(rg.subscriptionId, rg.name), { ...rg });
        }
        for (const f of seed.fleets ?? []) {
            this.fleets.set(key(f.subscriptionId, f.resourceGroup, f.name), {
                ...f,
                eTag: newETag(),
                members: new Map(f.members.map((m) => [m.name.toLowerCase(), { ...m, eTag: newETag() }])),
                updateRuns: new Map(),
                updateStrategies: new Map(),
            });
        }
        for (const c of seed.clusters) {
            const pools = new Map<string, PoolRecord>();
            for (const p of c.pools) {
                pools.set(p.name.toLowerCase(), {
                    name: p.name,
                    properties: { ...defaultPoolProperties(), ...clone(p.properties) },
                    eTag: newETag(),
                    ...(p.recentlyUsed ? { recentlyUsed: p.recentlyUsed.map((v) => ({ ...v })) } : {}),
                });
            }
            const properties = defaultClusterProperties(c.subscriptionId, c.resourceGroup, c.name, c.location, c.kubernetesVersion);
            properties.provisioningState = c.provisioningState ?? 'Succeeded';
            Object.assign(properties, clone(c.properties ?? {}));
            this.clusters.set(key(c.subscriptionId, c.resourceGroup, c.name), {
                subscriptionId: c.subscriptionId,
                resourceGroup: c.resourceGroup,
                name: c.name,
                location: c.location,
                tags: { ...(c.tags ?? {}) },
                identity: { type: 'SystemAssigned', principalId: guidOf(c.name, 'principal'), tenantId: seed.tenantId },
                sku: { name: 'Base', tier: c.tier ?? 'Free' },
                properties,
                eTag: newETag(),
                pools,
                maintenance: new Map(Object.entries(c.maintenanceConfigurations ?? {}).map(([name, config]) => [name, clone(config)])),
            });
        }
        for (const s of seed.snapshots) {
            const [cluster, poolName] = s.source.split('/');
            const sourceResourceId = s.source.startsWith('/')
                ? s.source
                : `${clusterId(this.seededCluster(s.subscriptionId, cluster))}/agentPools/${poolName}`;
            this.snapshots.set(key(s.subscriptionId, s.resourceGroup, s.name), {
                subscriptionId: s.subscriptionId,
                resourceGroup: s.resourceGroup,
                name: s.name,
                location: s.location,
                tags: s.tags,
                systemData: {
                    createdBy: 'platform@contoso.com',
                    createdByType: 'User',
                    createdAt: s.createdAt,
                    lastModifiedBy: 'platform@contoso.com',
                    lastModifiedByType: 'User',
                    lastModifiedAt: s.createdAt,
                },
                properties: {
                    creationData: { sourceResourceId },
                    snapshotType: 'NodePool',
                    kubernetesVersion: s.kubernetesVersion,
                    nodeImageVersion: s.nodeImageVersion,
                    osType: s.osType,
                    osSku: s.osSku,
                    vmSize: s.vmSize,
                    enableFIPS: s.enableFIPS ?? false,
                },
                eTag: newETag(),
            });
        }
    }

    /** The tenant a subscription belongs to. */
    tenantOf(subscription: SeedSubscription): string {
        return subscription.tenantId ?? this.tenantId;
    }

    subscription(id: string): SeedSubscription {
        const found = this.subscriptions.find((s) => s.subscriptionId.toLowerCase() === id.toLowerCase());
        if (!found) {
            throw armError(404, 'SubscriptionNotFound', `The subscription '${id}' could not be found.`);
        }
        return found;
    }

    /** The resource group, or ARM's 404 for it. */
    group(subscriptionId: string, name: string): ResourceGroupRecord {
        const group = this.resourceGroups.get(key(subscriptionId, name));
        if (!group) {
            throw armError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
        }
        return group;
    }

    clustersIn(subscriptionId: string): ClusterRecord[] {
        return [...this.clusters.values()].filter((c) => c.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    }

    snapshotsIn(subscriptionId: string): SnapshotRecord[] {
        return [...this.snapshots.values()].filter((s) => s.subscriptionId.toLowerCase() === subscriptionId.toLowerCase());
    }

    findCluster(id: string): ClusterRecord | undefined {
        const m = ID.cluster.exec(id);
        return m ? this.clusters.get(key(m[1], m[2], m[3])) : undefined;
    }

    findPool(id: string): { cluster: ClusterRecord; pool: PoolRecord } | undefined {
        const m = ID.pool.exec(id);
        const cluster = m ? this.clusters.get(key(m[1], m[2], m[3])) : undefined;
        const pool = m ? cluster?.pools.get(m[4].toLowerCase()) : undefined;
        return cluster && pool ? { cluster, pool } : undefined;
    }

    findSnapshot(id: string): SnapshotRecord | undefined {
        const m = ID.snapshot.exec(id);
        return m ? this.snapshots.get(key(m[1], m[2], m[3])) : undefined;
    }

    /** Puts a cluster or pool in a state (a test's way to have one mid-operation). */
    setProvisioningState(id: string, provisioningState: string): void {
        const target = this.findPool(id)?.pool ?? this.findCluster(id);
        if (!target) {
            throw armError(404, 'NotFound', `No cluster or pool ${id}`);
        }
        target.properties.provisioningState = provisioningState;
    }

    /** Stops or starts a cluster (with every pool, as `az aks stop` does) or one pool, as a test's colleague would. */
    setPowerState(id: string, code: 'Running' | 'Stopped'): void {
        const pool = this.findPool(id)?.pool;
        const cluster = pool ? undefined : this.findCluster(id);
        if (!pool && !cluster) {
            throw armError(404, 'NotFound', `No cluster or pool ${id}`);
        }
        for (const target of pool ? [pool] : [cluster!, ...cluster!.pools.values()]) {
            target.properties.powerState = { code };
        }
    }

    /**
     * Someone else changes a resource: a pool is scaled by one node, a cluster or snapshot gets a tag. Its eTag
     * moves on, as after any write.
     */
    touch(id: string): boolean {
        const found = this.findPool(id);
        if (found) {
            found.pool.properties.count = Number(found.pool.properties.count ?? 0) + 1;
            found.pool.eTag = newETag();
            return true;
        }
        const target = this.findCluster(id) ?? this.findSnapshot(id);
        if (!target) {
            return false;
        }
        target.tags = { ...(target.tags ?? {}), changedBy: 'colleague' };
        target.eTag = newETag();
        return true;
    }

    /** Someone else moves a pool to the latest node image (and off its snapshot), as a node image upgrade does. */
    upgradeNodeImageToLatest(id: string): boolean {
        const found = this.findPool(id);
        if (!found) {
            return false;
        }
        found.pool.properties.nodeImageVersion = latestNodeImageOf(found.pool.properties, found.cluster.location);
        delete found.pool.properties.creationData;
        found.pool.eTag = newETag();
        return true;
    }

    /** The id a write's path addresses (cluster, pool or snapshot), for `changedMeanwhile`. */
    static resourceIdOf(pathname: string): string {
        const m =
            /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.containerservice\/(?:managedclusters\/[^/]+(?:\/agentpools\/[^/]+)?|snapshots\/[^/]+))/i.exec(
                pathname,
            );
        return m ? decodeURIComponent(m[1]) : pathname;
    }

    private seededCluster(subscriptionId: string, name: string): ClusterRecord {
        const found = this.clustersIn(subscriptionId).find((c) => c.name === name);
        if (!found) {
            throw new Error(`Seed snapshot refers to unknown cluster ${name}`);
        }
        return found;
    }
}

export type { Json };
