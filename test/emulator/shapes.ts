import * as crypto from 'crypto';
import type { Json } from './http';

/**
 * The resources as real AKS returns them for a resource made the default way (`shared/arm/examples`, the
 * Azure CLI's recordings): every field a client reads, so that the real Azure CLI reads each without error.
 */

export interface PoolRecord {
    name: string;
    properties: Json;
    eTag: string;
    /** The versions the pool ran before, newest first: what a rollback may go back to (`recentlyUsedVersions`). */
    recentlyUsed?: { orchestratorVersion: string; nodeImageVersion: string; timestamp: string }[];
    /** Its last version change was a rollback: AKS takes no second one in a row (AKS docs, "Roll back node pool versions"). */
    rolledBack?: boolean;
}

export interface ClusterRecord {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    tags: Record<string, string>;
    readonly identity: Json;
    sku: Json;
    properties: Json;
    eTag: string;
    readonly pools: Map<string, PoolRecord>;
    /** Its maintenance configurations by name (`default`, `aksManagedAutoUpgradeSchedule`, `aksManagedNodeOSUpgradeSchedule`). */
    maintenance?: Map<string, Json>;
}

export interface SnapshotRecord {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    tags?: Record<string, string>;
    properties: Json;
    systemData: Json;
    /** Sent as the `ETag` header (the snapshot model has no eTag field), honoured by If-Match. */
    eTag: string;
}

export interface ResourceGroupRecord {
    readonly subscriptionId: string;
    readonly name: string;
    readonly location: string;
    tags?: Record<string, string>;
}

/** A stable GUID from a name, so that seeded resources read the same on every start. */
export function guidOf(...parts: string[]): string {
    const h = crypto.createHash('sha256').update(parts.join('/').toLowerCase()).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function clusterId(c: { subscriptionId: string; resourceGroup: string; name: string }): string {
    return `/subscriptions/${c.subscriptionId}/resourcegroups/${c.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${c.name}`;
}

export function snapshotId(s: { subscriptionId: string; resourceGroup: string; name: string }): string {
    return `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.ContainerService/snapshots/${s.name}`;
}

/** What AKS fills in for a cluster created the default way (`az aks create` with a managed identity). */
export function defaultClusterProperties(
    subscriptionId: string,
    resourceGroup: string,
    name: string,
    location: string,
    version: string,
    dnsPrefix = `${name}-dns`,
): Json {
    const nodeResourceGroup = `MC_${resourceGroup}_${name}_${location}`;
    const hash = guidOf(subscriptionId, resourceGroup, name).slice(0, 8);
    return {
        provisioningState: 'Succeeded',
        powerState: { code: 'Running' },
        kubernetesVersion: version,
        currentKubernetesVersion: version,
        dnsPrefix,
        fqdn: `${dnsPrefix}-${hash}.hcp.${location}.azmk8s.io`,
        azurePortalFQDN: `${dnsPrefix}-${hash}.portal.hcp.${location}.azmk8s.io`,
        linuxProfile: {
            adminUsername: 'azureuser',
            ssh: { publicKeys: [{ keyData: `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC${hash} azureuser@contoso` }] },
        },
        servicePrincipalProfile: { clientId: 'msi' },
        addonProfiles: {},
        nodeResourceGroup,
        enableRBAC: true,
        supportPlan: 'KubernetesOfficial',
        networkProfile: {
            networkPlugin: 'azure',
            networkPluginMode: 'overlay',
            networkPolicy: 'none',
            networkDataplane: 'azure',
            loadBalancerSku: 'standard',
            loadBalancerProfile: {
                managedOutboundIPs: { count: 1 },
                effectiveOutboundIPs: [
                    {
                        id: `/subscriptions/${subscriptionId}/resourceGroups/${nodeResourceGroup}/providers/Microsoft.Network/publicIPAddresses/${guidOf(name, 'ip')}`,
                    },
                ],
                backendPoolType: 'nodeIPConfiguration',
            },
            podCidr: '10.244.0.0/16',
            serviceCidr: '10.0.0.0/16',
            dnsServiceIP: '10.0.0.10',
            outboundType: 'loadBalancer',
            podCidrs: ['10.244.0.0/16'],
            serviceCidrs: ['10.0.0.0/16'],
            ipFamilies: ['IPv4'],
        },
        maxAgentPools: 100,
        identityProfile: {
            kubeletidentity: {
                resourceId: `/subscriptions/${subscriptionId}/resourcegroups/${nodeResourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}-agentpool`,
                clientId: guidOf(name, 'kubelet', 'client'),
                objectId: guidOf(name, 'kubelet', 'object'),
            },
        },
        // The defaults for new clusters since API 2023-06-01: the node OS channel re-images every pool (R7).
        autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'NodeImage' },
        disableLocalAccounts: false,
        securityProfile: {},
        storageProfile: { diskCSIDriver: { enabled: true }, fileCSIDriver: { enabled: true }, snapshotController: { enabled: true } },
        oidcIssuerProfile: { enabled: false },
        workloadAutoScalerProfile: {},
        bootstrapProfile: { artifactSource: 'Direct' },
        resourceUID: guidOf(subscriptionId, resourceGroup, name, 'uid').replace(/-/g, '').slice(0, 24),
    };
}

/** What AKS fills in for a pool created the default way. */
export function defaultPoolProperties(): Json {
    return {
        count: 3,
        vmSize: 'Standard_D4ds_v5',
        osDiskSizeGB: 128,
        osDiskType: 'Managed',
        kubeletDiskType: 'OS',
        maxPods: 110,
        type: 'VirtualMachineScaleSets',
        enableAutoScaling: false,
        scaleDownMode: 'Delete',
        provisioningState: 'Succeeded',
        powerState: { code: 'Running' },
        enableNodePublicIP: false,
        mode: 'User',
        enableEncryptionAtHost: false,
        enableUltraSSD: false,
        osType: 'Linux',
        osSKU: 'Ubuntu',
        upgradeSettings: { maxSurge: '10%', maxUnavailable: '0' },
        enableFIPS: false,
        securityProfile: { enableVTPM: false, enableSecureBoot: false },
    };
}

export function clusterJson(c: ClusterRecord): Json {
    return {
        id: clusterId(c),
        location: c.location,
        name: c.name,
        type: 'Microsoft.ContainerService/ManagedClusters',
        tags: c.tags,
        eTag: c.eTag,
        kind: 'Base',
        sku: c.sku,
        identity: c.identity,
        properties: {
            ...c.properties,
            agentPoolProfiles: [...c.pools.values()].map((p) => ({ name: p.name, ...p.properties, eTag: p.eTag })),
        },
    };
}

export function poolJson(c: ClusterRecord, p: PoolRecord): Json {
    return {
        id: `${clusterId(c)}/agentPools/${p.name}`,
        name: p.name,
        type: 'Microsoft.ContainerService/managedClusters/agentPools',
        properties: { ...p.properties, eTag: p.eTag },
    };
}

export function snapshotJson(s: SnapshotRecord): Json {
    return {
        id: snapshotId(s),
        name: s.name,
        type: 'Microsoft.ContainerService/Snapshots',
        location: s.location,
        ...(s.tags ? { tags: s.tags } : {}),
        systemData: s.systemData,
        properties: s.properties,
    };
}

export function resourceGroupJson(g: ResourceGroupRecord): Json {
    return {
        id: `/subscriptions/${g.subscriptionId}/resourceGroups/${g.name}`,
        name: g.name,
        type: 'Microsoft.Resources/resourceGroups',
        location: g.location,
        ...(g.tags ? { tags: g.tags } : {}),
        properties: { provisioningState: 'Succeeded' },
    };
}
