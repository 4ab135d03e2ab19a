import {
    assertCount,
    assertOsNotRetired,
    assertPoolOptions,
    assertRunning,
    assertUpgradeSettings,
    assertNodeImageSnapshot,
    assertNotLastSystemPool,
    assertNotPastControlPlane,
    assertPoolName,
    assertSupported,
    assertSystemPoolLinux,
    assertWithinSkew,
    assertTerminal,
    assertUpgradePath,
    assertImageWithin90Days,
    assertWindowsNetwork,
    isLongTermSupport,
    isUpgrade,
    supportedPatches,
    assertRollback,
} from '../aksRules';
import { aksError, ArmRequest, checkConditions, Json, newETag } from '../http';
import type { Params, RouteTable } from '../routes';
import { latestNodeImage, latestNodeImageOf } from '../seeds';
import { ClusterRecord, clusterId, PoolRecord, poolJson, SnapshotRecord } from '../shapes';
import type { EmulatorState } from '../state';
import { armNow } from '../knobs';
import { Context, finishOperation, page, startOperation } from './context';

/**
 * What a pool PUT does not set from its body: AKS keeps its own values. The REST spec (2026-04-01) marks
 * `provisioningState`, `currentOrchestratorVersion` and `eTag` read-only; `nodeImageVersion` is writable but
 * "setting this value triggers an agentPool rollback. Only values from `recentlyUsedVersions` are allowed"
 * (handled apart, in `rollbackTarget`); `powerState` starts or stops the pool and is not modelled here.
 */
const READ_ONLY = ['provisioningState', 'currentOrchestratorVersion', 'nodeImageVersion', 'powerState', 'eTag'];
/**
 * How many earlier versions a pool's upgrade profile lists. AKS documents no number (only that a rollback goes back one
 * version, within seven days: `assertRollback`); five keeps a week of weekly image upgrades.
 */
const RECENTLY_USED = 5;

/** Agent pools: list, read, create, replace (scale, upgrade), delete, upgrade profile, node image upgrade. */
export function registerAgentPools(table: RouteTable, context: Context): void {
    const base =
        '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools';
    table.add('agentPools.list', 'GET', base, (request, params) => {
        const cluster = findCluster(context.state(), params);
        return page(
            context,
            request,
            [...cluster.pools.values()].map((p) => poolJson(cluster, p)),
        );
    });
    table.add('agentPools.get', 'GET', `${base}/{pool}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        const pool = findPool(cluster, params.pool);
        return { status: 200, body: poolJson(cluster, pool), headers: { etag: pool.eTag } };
    });
    table.add('agentPools.put', 'PUT', `${base}/{pool}`, (request, params) =>
        putPool(context, request, findCluster(context.state(), params), params.pool),
    );
    table.add('agentPools.delete', 'DELETE', `${base}/{pool}`, (request, params) => {
        const cluster = findCluster(context.state(), params);
        const existing = cluster.pools.get(params.pool.toLowerCase());
        checkConditions(request, existing, `agent pool '${params.pool}'`);
        if (!existing) {
            return { status: 204 };
        }
        assertTerminal(existing.properties.provisioningState, `agent pool '${existing.name}'`);
        assertNotLastSystemPool([...cluster.pools.values()], existing.name);
        existing.properties.provisioningState = 'Deleting';
        existing.eTag = newETag();
        const headers = startOperation(context, request, {
            subscriptionId: cluster.subscriptionId,
            location: cluster.location,
            resourceId: `${clusterId(cluster)}/agentPools/${existing.name}`,
            kind: 'DELETE',
            settle: (status) =>
                status === 'Succeeded'
                    ? cluster.pools.delete(existing.name.toLowerCase())
                    : (existing.properties.provisioningState = status),
            result: () => ({}),
            withLocation: true,
        });
        return { status: 202, headers };
    });
    table.add('agentPools.upgradeProfile', 'GET', `${base}/{pool}/upgradeProfiles/{profile}`, (_request, params) => {
        const cluster = findCluster(context.state(), params);
        const pool = findPool(cluster, params.pool);
        const current = String(pool.properties.currentOrchestratorVersion ?? pool.properties.orchestratorVersion);
        const controlPlane = String(cluster.properties.kubernetesVersion);
        // What a PUT would take: supported for the cluster's plan, newer, not past the control plane, one minor at most.
        const upgrades = supportedPatches(cluster.location, isLongTermSupport(cluster.properties)).filter(
            (v) => isUpgrade(current, v) && !isUpgrade(controlPlane, v) && Number(v.split('.')[1]) - Number(current.split('.')[1]) <= 1,
        );
        return {
            status: 200,
            body: {
                id: `${clusterId(cluster)}/agentPools/${pool.name}/upgradeProfiles/default`,
                name: 'default',
                type: 'Microsoft.ContainerService/managedClusters/agentPools/upgradeProfiles',
                properties: {
                    kubernetesVersion: current,
                    osType: pool.properties.osType,
                    latestNodeImageVersion: latestNodeImageOf(pool.properties, cluster.location),
                    upgrades: upgrades.map((kubernetesVersion) => ({ kubernetesVersion })),
                    recentlyUsedVersions: pool.recentlyUsed ?? [],
                },
            },
        };
    });
    table.add('agentPools.upgradeNodeImageVersion', 'POST', `${base}/{pool}/upgradeNodeImageVersion`, (request, params) => {
        const cluster = findCluster(context.state(), params);
        return upgradeNodeImage(context, request, cluster, findPool(cluster, params.pool));
    });
    table.add('agentPools.abortLatestOperation', 'POST', `${base}/{pool}/abort`, (request, params) => {
        const cluster = findCluster(context.state(), params);
        const pool = findPool(cluster, params.pool);
        return abortLatestOperation(
            context,
            request,
            `${clusterId(cluster)}/agentPools/${pool.name}`,
            pool.properties,
            cluster.location,
            `agent pool '${pool.name}'`,
        );
    });
}

/**
 * `abortLatestOperation` (REST spec 2026-04-01): "moved to a Canceling state and eventually to a Canceled state when
 * cancellation finishes. If the operation completes before cancellation can take place, a 409 error code is
 * returned." The abort is itself a long operation (202 with both headers); the operation it stops ends `Canceled` when
 * the abort ends. The 409's code is the emulator's (the spec names none).
 */
export function abortLatestOperation(
    context: Context,
    request: ArmRequest,
    resourceId: string,
    properties: Json,
    location: string,
    what: string,
) {
    const running = [...context.state().operations.values()].find(
        (o) => o.status === 'InProgress' && o.resourceId.toLowerCase() === resourceId.toLowerCase() && !o.kind.startsWith('POST abort'),
    );
    if (!running) {
        throw aksError(
            409,
            'OperationNotAllowed',
            `There is no operation in progress on ${what} to abort: its provisioning state is ${String(properties.provisioningState)}.`,
        );
    }
    running.end = {
        status: 'Canceled',
        error: { code: 'OperationCanceled', message: `The operation on ${what} was aborted by abortLatestOperation.` },
    };
    properties.provisioningState = 'Canceling';
    const subscriptionId = resourceId.split('/')[2];
    const headers = startOperation(context, request, {
        subscriptionId,
        location,
        resourceId,
        kind: 'POST abort',
        settle: () => finishOperation(running),
        result: () => ({}),
        withLocation: true,
    });
    return { status: 202, headers };
}

export function findCluster(state: EmulatorState, params: Params): ClusterRecord {
    const sub = state.subscription(params.subscriptionId).subscriptionId;
    const group = state.group(sub, params.resourceGroup);
    const cluster = state.clusters.get(`${sub}/${group.name}/${params.cluster}`.toLowerCase());
    if (!cluster) {
        throw notFound('managedClusters', params.cluster, params.resourceGroup);
    }
    return cluster;
}

function findPool(cluster: ClusterRecord, name: string): PoolRecord {
    const pool = cluster.pools.get(name.toLowerCase());
    if (!pool) {
        throw notFound('managedClusters/agentPools', `${cluster.name}/${name}`, cluster.resourceGroup);
    }
    return pool;
}

export function notFound(type: string, name: string, rg: string) {
    return aksError(
        404,
        'ResourceNotFound',
        `The Resource 'Microsoft.ContainerService/${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
}

/** The snapshot a pool profile names in `creationData`, or AKS's 400 when it names one that does not exist. */
export function snapshotFor(state: EmulatorState, profile: Json): SnapshotRecord | undefined {
    const id = (profile.creationData as Json | undefined)?.sourceResourceId;
    if (typeof id !== 'string' || !id) {
        return undefined;
    }
    const snapshot = state.findSnapshot(id);
    if (!snapshot) {
        throw aksError(400, 'InvalidParameter', `The snapshot '${id}' was not found.`, 'creationData.sourceResourceId');
    }
    return snapshot;
}

/** Builds a new pool the way AKS fills it: defaults, the snapshot's image and version, the checks AKS itself makes. */
export function newPool(state: EmulatorState, cluster: ClusterRecord, name: string, input: Json): PoolRecord {
    const snapshot = snapshotFor(state, input);
    const osType = String(input.osType ?? snapshot?.properties.osType ?? 'Linux');
    assertPoolName(name, osType);
    const mode = String(input.mode ?? 'User');
    assertSystemPoolLinux(mode, osType);
    const controlPlane = String(cluster.properties.kubernetesVersion);
    const requested = input.orchestratorVersion
        ? String(input.orchestratorVersion)
        : snapshot
          ? String(snapshot.properties.kubernetesVersion)
          : controlPlane;
    assertNotPastControlPlane(requested, controlPlane, true);
    assertSupported(requested, cluster.location, isLongTermSupport(cluster.properties));
    assertWithinSkew(requested, controlPlane);
    assertWindowsNetwork(osType, cluster.properties.networkProfile);
    const vmSize = String(input.vmSize || snapshot?.properties.vmSize || 'Standard_D4ds_v5');
    const count = assertCount(input.count, mode);
    assertPoolOptions({ ...input, vmSize }, mode, count, cluster.location);
    const osSku = input.osSKU ?? snapshot?.properties.osSku ?? (osType === 'Windows' ? 'Windows2022' : 'Ubuntu');
    if (snapshot) {
        assertOsNotRetired(snapshot.properties, requested);
    }
    const properties: Json = {
        maxPods: 110,
        osDiskSizeGB: 128,
        osDiskType: 'Managed',
        kubeletDiskType: 'OS',
        type: 'VirtualMachineScaleSets',
        enableAutoScaling: false,
        // FIPS is what the request says (REST example AgentPoolsCreate_Snapshot sends `enableFIPS` beside `creationData`):
        // AKS does not take it from the snapshot.
        scaleDownMode: 'Delete',
        enableNodePublicIP: false,
        enableEncryptionAtHost: false,
        enableUltraSSD: false,
        enableFIPS: false,
        upgradeSettings: { maxSurge: '10%', maxUnavailable: '0' },
        securityProfile: { enableVTPM: false, enableSecureBoot: false },
        ...input,
        count,
        vmSize,
        osType,
        osSKU: osSku,
        mode,
        orchestratorVersion: requested,
        currentOrchestratorVersion: requested,
        nodeImageVersion: snapshot
            ? snapshot.properties.nodeImageVersion
            : latestNodeImage(osType, osSku as string, vmSize, input.enableFIPS === true, cluster.location),
        provisioningState: 'Creating',
        powerState: { code: 'Running' },
    };
    delete properties.eTag;
    delete properties.name;
    if (!snapshot) {
        delete properties.creationData;
    }
    return { name, properties, eTag: newETag() };
}

function putPool(context: Context, request: ArmRequest, cluster: ClusterRecord, name: string) {
    const state = context.state();
    const props = (((request.body ?? {}) as Json).properties as Json | undefined) ?? {};
    const existing = cluster.pools.get(name.toLowerCase());
    checkConditions(request, existing, `agent pool '${name}'`);
    assertUpgradeSettings(props.upgradeSettings as Json | undefined);
    assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
    assertRunning(cluster.properties.powerState, `managed cluster '${cluster.name}'`);
    const resourceId = `${clusterId(cluster)}/agentPools/${existing?.name ?? name}`;
    if (!existing) {
        const pool = newPool(state, cluster, name, props);
        cluster.pools.set(name.toLowerCase(), pool);
        const headers = startOperation(context, request, {
            subscriptionId: cluster.subscriptionId,
            location: cluster.location,
            resourceId,
            kind: 'PUT',
            settle: (status) => (pool.properties.provisioningState = status),
            result: () => poolJson(cluster, pool),
        });
        return { status: 201, body: poolJson(cluster, pool), headers: { ...headers, etag: pool.eTag } };
    }
    assertTerminal(existing.properties.provisioningState, `agent pool '${existing.name}'`);
    assertRunning(existing.properties.powerState, `agent pool '${existing.name}'`);
    const before = existing.properties;
    const current = String(before.currentOrchestratorVersion ?? before.orchestratorVersion);
    const wanted = props.orchestratorVersion ? String(props.orchestratorVersion) : current;
    // A PUT replaces the pool: what the body leaves out is gone, but for what AKS keeps itself.
    const next: Json = { ...props };
    for (const readOnly of READ_ONLY) {
        if (before[readOnly] === undefined) {
            delete next[readOnly];
        } else {
            next[readOnly] = before[readOnly];
        }
    }
    let transitional = 'Updating';
    const rollback = rollbackTarget(existing, props.nodeImageVersion);
    if (rollback) {
        // A rollback (REST spec: `nodeImageVersion`): back to a recently used image, and that version's Kubernetes.
        assertRollback(existing, rollback, cluster, armNow(context.knobs));
        remember(existing, armNow(context.knobs));
        existing.rolledBack = true;
        next.nodeImageVersion = rollback.nodeImageVersion;
        next.orchestratorVersion = rollback.orchestratorVersion;
        // The link to a snapshot whose image the pool no longer runs goes, as after an upgrade without a snapshot (R7);
        // AKS documents nothing here.
        delete next.creationData;
        transitional = 'Upgrading';
    } else if (wanted !== current) {
        assertUpgradePath(current, wanted, 'agent pool');
        assertNotPastControlPlane(wanted, String(cluster.properties.kubernetesVersion), false);
        assertSupported(wanted, cluster.location, isLongTermSupport(cluster.properties));
        assertWithinSkew(wanted, String(cluster.properties.kubernetesVersion));
        transitional = 'Upgrading';
        remember(existing, armNow(context.knobs));
        existing.rolledBack = false;
        const snapshot = snapshotFor(state, props);
        if (snapshot) {
            assertOsNotRetired(snapshot.properties, wanted);
            assertImageWithin90Days(String(snapshot.properties.nodeImageVersion), armNow(context.knobs));
        }
        // An upgrade without a snapshot moves the pool to the latest image and leaves its snapshot (R7).
        next.nodeImageVersion = snapshot ? snapshot.properties.nodeImageVersion : latestNodeImageOf(before, cluster.location);
        if (!snapshot) {
            delete next.creationData;
        }
    } else if (props.count !== before.count) {
        transitional = 'Scaling';
    }
    next.provisioningState = transitional;
    existing.properties = next;
    existing.eTag = newETag();
    const headers = startOperation(context, request, {
        subscriptionId: cluster.subscriptionId,
        location: cluster.location,
        resourceId,
        kind: 'PUT',
        settle: (status) => {
            existing.properties.provisioningState = status;
            if (status === 'Succeeded') {
                existing.properties.currentOrchestratorVersion = existing.properties.orchestratorVersion;
            }
        },
        result: () => poolJson(cluster, existing),
    });
    return { status: 200, body: poolJson(cluster, existing), headers: { ...headers, etag: existing.eTag } };
}

/**
 * What a pool PUT's `nodeImageVersion` asks for: nothing when absent or the pool's own image; a rollback to a
 * recently used version; else AKS's 400 (REST spec 2026-04-01: "Only values from `recentlyUsedVersions` are allowed").
 */
function rollbackTarget(
    pool: PoolRecord,
    asked: unknown,
): { nodeImageVersion: string; orchestratorVersion: string; timestamp: string } | undefined {
    if (asked === undefined || asked === null || asked === pool.properties.nodeImageVersion) {
        return undefined;
    }
    const target = (pool.recentlyUsed ?? []).find((v) => v.nodeImageVersion === asked);
    if (!target) {
        throw aksError(
            400,
            'InvalidParameter',
            `The node image version '${String(asked)}' of agent pool '${pool.name}' is not one of its recently used versions; setting nodeImageVersion rolls a pool back to one of them.`,
            'properties.nodeImageVersion',
        );
    }
    return target;
}

/**
 * Keeps what the pool runs now among its recently used versions, stamped with ARM's clock (the time it left it),
 * before an upgrade or rollback moves it.
 */
function remember(pool: PoolRecord, at: Date): void {
    const p = pool.properties;
    const now = {
        orchestratorVersion: String(p.currentOrchestratorVersion ?? p.orchestratorVersion),
        nodeImageVersion: String(p.nodeImageVersion),
        timestamp: at.toISOString(),
    };
    pool.recentlyUsed = [now, ...(pool.recentlyUsed ?? []).filter((v) => v.nodeImageVersion !== now.nodeImageVersion)].slice(
        0,
        RECENTLY_USED,
    );
}

/**
 * R6: with `AKSSnapshotId`, the snapshot's image (same Kubernetes version only); without, the latest image (R7).
 * The REST spec declares no `If-Match` on this POST: under `etags: documented` a condition sent is ignored.
 */
function upgradeNodeImage(context: Context, request: ArmRequest, cluster: ClusterRecord, pool: PoolRecord) {
    if (context.knobs.etags === 'all') {
        checkConditions(request, pool, `agent pool '${pool.name}'`);
    }
    assertTerminal(cluster.properties.provisioningState, `managed cluster '${cluster.name}'`);
    assertTerminal(pool.properties.provisioningState, `agent pool '${pool.name}'`);
    assertRunning(cluster.properties.powerState, `managed cluster '${cluster.name}'`);
    assertRunning(pool.properties.powerState, `agent pool '${pool.name}'`);
    const snapshotId = request.headers.akssnapshotid;
    const p = pool.properties;
    remember(pool, armNow(context.knobs));
    pool.rolledBack = false;
    if (snapshotId) {
        const snapshot = context.state().findSnapshot(snapshotId);
        if (!snapshot) {
            throw aksError(400, 'InvalidParameter', `The snapshot '${snapshotId}' was not found.`, 'AKSSnapshotId');
        }
        assertNodeImageSnapshot(
            String(snapshot.properties.kubernetesVersion),
            String(p.currentOrchestratorVersion ?? p.orchestratorVersion),
        );
        assertOsNotRetired(snapshot.properties, String(snapshot.properties.kubernetesVersion));
        assertImageWithin90Days(String(snapshot.properties.nodeImageVersion), armNow(context.knobs));
        p.nodeImageVersion = snapshot.properties.nodeImageVersion;
        p.creationData = { sourceResourceId: snapshotId };
    } else {
        p.nodeImageVersion = latestNodeImageOf(p, cluster.location);
        delete p.creationData;
    }
    p.provisioningState = 'UpgradingNodeImageVersion';
    pool.eTag = newETag();
    const headers = startOperation(context, request, {
        subscriptionId: cluster.subscriptionId,
        location: cluster.location,
        resourceId: `${clusterId(cluster)}/agentPools/${pool.name}`,
        kind: 'POST upgradeNodeImageVersion',
        settle: (status) => (pool.properties.provisioningState = status),
        result: () => poolJson(cluster, pool),
        withLocation: true,
    });
    return { status: 202, body: poolJson(cluster, pool), headers };
}
