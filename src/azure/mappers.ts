import type { AgentPool, ManagedCluster, ManagedClusterAgentPoolProfile, Snapshot as SdkSnapshot } from '@azure/arm-containerservice';
import type { Cluster, NodePool, Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';

type PoolFields = Omit<ManagedClusterAgentPoolProfile, 'name'> & { typePropertiesType?: string };

function toNodePool(id: string, name: string, clusterId: string, p: PoolFields): NodePool {
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
        enableFips: p.enableFips,
        snapshotId: p.creationData?.sourceResourceId || undefined,
        ...(p.upgradeSettings?.maxSurge ? { maxSurge: p.upgradeSettings.maxSurge } : {}),
        eTag: p.eTag,
    };
}

export function toCluster(c: ManagedCluster): Cluster {
    const id = c.id ?? '';
    const parsed = parseArmId(id);
    return {
        id,
        name: c.name ?? parsed?.name ?? '',
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        location: c.location,
        kubernetesVersion: c.currentKubernetesVersion ?? c.kubernetesVersion ?? '',
        provisioningState: c.provisioningState,
        powerState: c.powerState?.code,
        dnsPrefix: c.dnsPrefix,
        nodePools: (c.agentPoolProfiles ?? []).map((p) => toNodePool(`${id}/agentPools/${p.name}`, p.name, id, p)),
        eTag: c.eTag,
        upgradeChannel: c.autoUpgradeProfile?.upgradeChannel,
        nodeOsUpgradeChannel: c.autoUpgradeProfile?.nodeOSUpgradeChannel,
        networkPlugin: c.networkProfile?.networkPlugin,
    };
}

export function toNodePoolFromAgentPool(p: AgentPool): NodePool {
    const id = p.id ?? '';
    return toNodePool(id, p.name ?? '', id.replace(/\/agentPools\/[^/]+$/i, ''), p);
}

export function toSnapshot(s: SdkSnapshot, eTag?: string): Snapshot {
    const id = s.id ?? '';
    const parsed = parseArmId(id);
    return {
        id,
        name: s.name ?? parsed?.name ?? '',
        subscriptionId: parsed?.subscriptionId ?? '',
        resourceGroup: parsed?.resourceGroup ?? '',
        location: s.location,
        kubernetesVersion: s.kubernetesVersion ?? '',
        nodeImageVersion: s.nodeImageVersion ?? '',
        osType: s.osType ?? 'Linux',
        osSku: s.osSku,
        vmSize: s.vmSize ?? '',
        enableFips: s.enableFips,
        sourceResourceId: s.creationData?.sourceResourceId,
        createdAt: s.systemData?.createdAt,
        tags: s.tags ?? {},
        ...(eTag ? { eTag } : {}),
    };
}

type Json = Record<string, unknown>;

/** A pool from its JSON as ARM returns it (REST names: `properties`, `enableFIPS`), for a body sent back whole. */
export function toNodePoolFromJson(json: Json): NodePool {
    const id = String(json.id ?? '');
    const p = (json.properties ?? {}) as Json;
    return toNodePool(id, String(json.name ?? ''), id.replace(/\/agentPools\/[^/]+$/i, ''), {
        ...p,
        enableFips: p.enableFIPS as boolean | undefined,
    } as PoolFields);
}

/** A cluster from its JSON as ARM returns it. */
export function toClusterFromJson(json: Json): Cluster {
    const p = (json.properties ?? {}) as Json;
    const profiles = ((p.agentPoolProfiles ?? []) as Json[]).map((profile) => ({ ...profile, enableFips: profile.enableFIPS }));
    return toCluster({
        ...p,
        id: json.id,
        name: json.name,
        location: json.location,
        eTag: json.eTag,
        agentPoolProfiles: profiles,
    } as ManagedCluster);
}

/** A snapshot from its JSON as ARM returns it (REST names: `properties`, `enableFIPS`, `systemData`). */
export function toSnapshotFromJson(json: Json, eTag?: string): Snapshot {
    const p = (json.properties ?? {}) as Json;
    const systemData = json.systemData as { createdAt?: string } | undefined;
    return toSnapshot(
        {
            ...p,
            id: json.id,
            name: json.name,
            location: json.location,
            tags: json.tags,
            enableFips: p.enableFIPS,
            systemData: systemData?.createdAt ? { createdAt: new Date(systemData.createdAt) } : undefined,
        } as SdkSnapshot,
        eTag ?? (json.eTag as string | undefined),
    );
}
