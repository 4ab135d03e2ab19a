import type { AgentPool, ManagedCluster, ManagedClusterAgentPoolProfile, Snapshot as SdkSnapshot } from '@azure/arm-containerservice';
import type { Cluster, NodePool, Snapshot } from '../model/aks';
import type { Fleet, FleetMember, UpdateRun } from '../model/fleet';
import { parseArmId } from '../model/armId';

type PoolFields = Omit<ManagedClusterAgentPoolProfile, 'name' | 'enableFips'> & { typePropertiesType?: string };

/** A pool from its fields, whichever names they came under: the SDK's (`enableFips`) or the REST JSON's (`enableFIPS`). */
function toNodePool(id: string, name: string, clusterId: string, p: PoolFields, enableFips: boolean | undefined): NodePool {
    return {
        id,
        name,
        clusterId,
        mode: p.mode ?? 'User',
        osType: p.osType ?? 'Linux',
        osSku: p.osSKU,
        vmSize: p.vmSize ?? '',
        count: p.count,
        kubernetesVersion: p.currentOrchestratorVersion ?? p.orchestratorVersion ?? '',
        nodeImageVersion: p.nodeImageVersion,
        provisioningState: p.provisioningState,
        powerState: p.powerState?.code,
        poolType: p.typePropertiesType ?? p.type,
        enableFips,
        snapshotId: p.creationData?.sourceResourceId || undefined,
        ...(p.upgradeSettings?.maxSurge ? { maxSurge: p.upgradeSettings.maxSurge } : {}),
        eTag: p.eTag,
    };
}

/** A cluster's fields, wherever they sit: on the SDK's model itself, or under the REST JSON's `properties`. */
type ClusterFields = Pick<
    ManagedCluster,
    | 'currentKubernetesVersion'
    | 'kubernetesVersion'
    | 'provisioningState'
    | 'powerState'
    | 'dnsPrefix'
    | 'autoUpgradeProfile'
    | 'networkProfile'
>;

function clusterOf(
    resource: { id?: unknown; name?: unknown; location?: unknown; eTag?: unknown },
    c: ClusterFields,
    profiles: readonly (PoolFields & { name: string })[],
    fipsOf: (profile: PoolFields) => boolean | undefined,
): Cluster {
    const id = typeof resource.id === 'string' ? resource.id : '';
    const parsed = parseArmId(id);
    return {
        id,
        name: typeof resource.name === 'string' ? resource.name : (parsed?.name ?? ''),
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        location: typeof resource.location === 'string' ? resource.location : '',
        kubernetesVersion: c.currentKubernetesVersion ?? c.kubernetesVersion ?? '',
        provisioningState: c.provisioningState,
        powerState: c.powerState?.code,
        dnsPrefix: c.dnsPrefix,
        nodePools: profiles.map((p) => toNodePool(`${id}/agentPools/${p.name}`, p.name, id, p, fipsOf(p))),
        eTag: typeof resource.eTag === 'string' ? resource.eTag : undefined,
        upgradeChannel: c.autoUpgradeProfile?.upgradeChannel,
        nodeOsUpgradeChannel: c.autoUpgradeProfile?.nodeOSUpgradeChannel,
        networkPlugin: c.networkProfile?.networkPlugin,
    };
}

export function toCluster(c: ManagedCluster): Cluster {
    return clusterOf(c, c, c.agentPoolProfiles ?? [], (p) => (p as ManagedClusterAgentPoolProfile).enableFips);
}

export function toNodePoolFromAgentPool(p: AgentPool): NodePool {
    const id = p.id ?? '';
    return toNodePool(id, p.name ?? '', id.replace(/\/agentPools\/[^/]+$/i, ''), p, p.enableFips);
}

/** A snapshot's fields, wherever they sit: on the SDK's model itself, or under the REST JSON's `properties`. */
type SnapshotFields = Pick<SdkSnapshot, 'kubernetesVersion' | 'nodeImageVersion' | 'osType' | 'osSku' | 'vmSize' | 'creationData'>;

function snapshotOf(
    resource: { id?: unknown; name?: unknown; location?: unknown; tags?: unknown },
    s: SnapshotFields,
    more: { enableFips?: boolean; createdAt?: Date; eTag?: string },
): Snapshot {
    const id = typeof resource.id === 'string' ? resource.id : '';
    const parsed = parseArmId(id);
    return {
        id,
        name: typeof resource.name === 'string' ? resource.name : (parsed?.name ?? ''),
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        location: typeof resource.location === 'string' ? resource.location : '',
        kubernetesVersion: s.kubernetesVersion ?? '',
        nodeImageVersion: s.nodeImageVersion ?? '',
        osType: s.osType ?? 'Linux',
        osSku: s.osSku,
        vmSize: s.vmSize ?? '',
        enableFips: more.enableFips,
        sourceResourceId: s.creationData?.sourceResourceId,
        createdAt: more.createdAt,
        tags: (resource.tags && typeof resource.tags === 'object' ? resource.tags : {}) as Record<string, string>,
        ...(more.eTag ? { eTag: more.eTag } : {}),
    };
}

export function toSnapshot(s: SdkSnapshot, eTag?: string): Snapshot {
    return snapshotOf(s, s, { enableFips: s.enableFips, createdAt: s.systemData?.createdAt, eTag });
}

type Json = Record<string, unknown>;

/** A pool from its JSON as ARM returns it (REST names: `properties`, `enableFIPS`), for a body sent back whole. */
export function toNodePoolFromJson(json: Json): NodePool {
    const id = String(json.id ?? '');
    const p = (json.properties ?? {}) as PoolFields & { enableFIPS?: boolean };
    return toNodePool(id, String(json.name ?? ''), id.replace(/\/agentPools\/[^/]+$/i, ''), p, p.enableFIPS);
}

/** A cluster from its JSON as ARM returns it, read straight from it (the tree's hot path: no copy of what it does not show). */
export function toClusterFromJson(json: Json): Cluster {
    const p = (json.properties ?? {}) as ClusterFields & { agentPoolProfiles?: (PoolFields & { name: string })[] };
    return clusterOf(json, p, p.agentPoolProfiles ?? [], (profile) => (profile as { enableFIPS?: boolean }).enableFIPS);
}

/** A snapshot from its JSON as ARM returns it (REST names: `properties`, `enableFIPS`, `systemData`). */
export function toSnapshotFromJson(json: Json, eTag?: string): Snapshot {
    const p = (json.properties ?? {}) as SnapshotFields & { enableFIPS?: boolean };
    const createdAt = (json.systemData as { createdAt?: string } | undefined)?.createdAt;
    return snapshotOf(json, p, {
        enableFips: p.enableFIPS,
        createdAt: createdAt ? new Date(createdAt) : undefined,
        eTag: eTag ?? (typeof json.eTag === 'string' ? json.eTag : undefined),
    });
}

/** A fleet as ARM lists it (`Microsoft.ContainerService/fleets`). */
export function toFleetFromJson(json: Json): Fleet {
    const id = String(json.id ?? '');
    const parsed = parseArmId(id);
    return {
        id,
        name: String(json.name ?? parsed?.name ?? ''),
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        location: String(json.location ?? ''),
    };
}

export function toFleetMemberFromJson(json: Json): FleetMember {
    const p = (json.properties ?? {}) as { clusterResourceId?: string; group?: string };
    return {
        id: String(json.id ?? ''),
        name: String(json.name ?? ''),
        clusterId: p.clusterResourceId ?? '',
        ...(p.group ? { group: p.group } : {}),
    };
}

/** An update run and its status (stages, groups, members, waits) as Fleet reports it. */
export function toUpdateRunFromJson(json: Json): UpdateRun {
    type Status = { status?: { state?: string; startTime?: string; completedTime?: string; error?: { code?: string; message?: string } } };
    type Member = Status & { name?: string; clusterResourceId?: string; message?: string };
    type Group = Status & { name?: string; members?: Member[] };
    type Stage = Status & { name?: string; groups?: Group[]; afterStageWaitStatus?: Status & { waitDurationInSeconds?: number } };
    const p = (json.properties ?? {}) as {
        strategy?: { stages?: { name?: string; groups?: { name?: string }[]; afterStageWaitInSeconds?: number }[] };
        managedClusterUpdate?: {
            upgrade?: { type?: string; kubernetesVersion?: string };
            nodeImageSelection?: { type?: string; customNodeImageVersions?: { version?: string }[] };
        };
        status?: Status & { stages?: Stage[] };
    };
    const state = (s: Status | undefined): string => s?.status?.state ?? 'NotStarted';
    const error = p.status?.status?.error;
    const update = p.managedClusterUpdate ?? {};
    return {
        id: String(json.id ?? ''),
        name: String(json.name ?? ''),
        ...(typeof json.eTag === 'string' ? { eTag: json.eTag } : {}),
        state: state(p.status),
        upgradeType: update.upgrade?.type ?? '',
        ...(update.upgrade?.kubernetesVersion ? { kubernetesVersion: update.upgrade.kubernetesVersion } : {}),
        nodeImageSelection: update.nodeImageSelection?.type ?? 'Latest',
        customNodeImageVersions: (update.nodeImageSelection?.customNodeImageVersions ?? []).map((v) => v.version ?? ''),
        strategy: (p.strategy?.stages ?? []).map((s) => ({
            name: s.name ?? '',
            groups: (s.groups ?? []).map((g) => g.name ?? ''),
            afterStageWaitInSeconds: s.afterStageWaitInSeconds ?? 0,
        })),
        stages: (p.status?.stages ?? []).map((s) => ({
            name: s.name ?? '',
            state: state(s),
            groups: (s.groups ?? []).map((g) => ({
                name: g.name ?? '',
                state: state(g),
                members: (g.members ?? []).map((m) => ({
                    name: m.name ?? '',
                    clusterId: m.clusterResourceId ?? '',
                    state: state(m),
                    ...(m.message || m.status?.error?.message ? { message: m.message || m.status?.error?.message } : {}),
                })),
            })),
            ...(s.afterStageWaitStatus
                ? { wait: { seconds: s.afterStageWaitStatus.waitDurationInSeconds ?? 0, state: state(s.afterStageWaitStatus) } }
                : {}),
        })),
        ...(p.status?.status?.startTime ? { startTime: p.status.status.startTime } : {}),
        ...(p.status?.status?.completedTime ? { completedTime: p.status.status.completedTime } : {}),
        ...(error?.message ? { error: error.code ? `${error.code}: ${error.message}` : error.message } : {}),
    };
}
