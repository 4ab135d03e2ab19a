import { VM_SIZES } from './vmSizes';

/**
 * Starting data for the emulator: `demo` is what the demo, the tests and the README's pictures show; `empty` has one
 * subscription and nothing in it; `fleet` holds the edges the rules, drift and roll-outs need; `scale-SxCxPxN`
 * generates S subscriptions of C clusters × P pools and N snapshots each, for benchmarks.
 */

export type Json = Record<string, unknown>;

export interface SeedSubscription {
    readonly subscriptionId: string;
    readonly displayName: string;
    /** The tenant it belongs to, when not the seed's home tenant (a guest tenant, reached with a token of its own). */
    readonly tenantId?: string;
}

/** A directory the signed-in identity belongs to (ARM's `GET /tenants`). */
export interface SeedTenant {
    readonly tenantId: string;
    readonly displayName: string;
    readonly defaultDomain: string;
}

export interface SeedPool {
    readonly name: string;
    readonly properties: Json;
    /** The versions it ran before, newest first, with when it left each (its upgrade profile's `recentlyUsedVersions`). */
    readonly recentlyUsed?: readonly { orchestratorVersion: string; nodeImageVersion: string; timestamp: string }[];
}

export interface SeedCluster {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    readonly kubernetesVersion: string;
    readonly provisioningState?: string;
    readonly tags?: Record<string, string>;
    /** Cluster properties over AKS's defaults (`autoUpgradeProfile`, …). */
    readonly properties?: Json;
    /** The pricing tier (`sku.tier`); Free when unset. */
    readonly tier?: 'Free' | 'Standard' | 'Premium';
    readonly pools: readonly SeedPool[];
    /** Maintenance configurations by name, each the REST spec's `MaintenanceConfigurationProperties`. */
    readonly maintenanceConfigurations?: Readonly<Record<string, Json>>;
}

export interface SeedSnapshot {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    /** The pool the snapshot was taken from: `<cluster>/<pool>` of a seeded cluster, or a full id of one that is gone. */
    readonly source: string;
    readonly kubernetesVersion: string;
    readonly nodeImageVersion: string;
    readonly osType: string;
    readonly osSku: string;
    readonly vmSize: string;
    readonly createdAt: string;
    readonly tags?: Record<string, string>;
    readonly enableFIPS?: boolean;
}

export interface Seed {
    readonly tenantId: string;
    readonly subscriptions: readonly SeedSubscription[];
    readonly resourceGroups: readonly { subscriptionId: string; name: string; location: string }[];
    readonly clusters: readonly SeedCluster[];
    readonly snapshots: readonly SeedSnapshot[];
    /** Tenants besides the home one (which is Contoso); their subscriptions name them. */
    readonly guestTenants?: readonly SeedTenant[];
    /** Fleet Manager fleets and their members (`resources/fleets.ts`). */
    readonly fleets?: readonly SeedFleet[];
}

export interface SeedFleet {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    readonly members: readonly { readonly name: string; readonly clusterResourceId: string; readonly group?: string }[];
}

export const TENANT_ID = '72f9a1c4-5b2e-4d0a-9c3e-0d6f1a2b3c4d';
export const PLATFORM_SUBSCRIPTION = '3b0c2f6e-8a41-4f1d-9e5a-6c7d8e9f0a11';
export const SANDBOX_SUBSCRIPTION = '9d4e5f60-1a2b-4c3d-8e4f-5a6b7c8d9e22';

const UBUNTU_2611 = 'AKSUbuntu-2204gen2containerd-202611.03.0';
const UBUNTU_2610 = 'AKSUbuntu-2204gen2containerd-202610.20.0';
const UBUNTU_ARM_2611 = 'AKSUbuntu-2204gen2arm64containerd-202611.03.0';
const AZURELINUX_2609 = 'AKSAzureLinux-V3gen2-202609.15.0';
const WINDOWS_2610 = 'AKSWindows-2022-containerd-20348.4294.261021';
const UBUNTU_2110 = 'AKSUbuntu-1804gen2containerd-2021.10.19';

function pool(name: string, mode: 'System' | 'User', vmSize: string, version: string, image: string, extra: Json = {}): SeedPool {
    return {
        name,
        properties: {
            count: mode === 'System' ? 3 : 2,
            vmSize,
            osDiskSizeGB: 128,
            osDiskType: 'Managed',
            kubeletDiskType: 'OS',
            maxPods: 110,
            type: 'VirtualMachineScaleSets',
            enableAutoScaling: false,
            scaleDownMode: 'Delete',
            provisioningState: 'Succeeded',
            powerState: { code: 'Running' },
            orchestratorVersion: version,
            currentOrchestratorVersion: version,
            enableNodePublicIP: false,
            mode,
            enableEncryptionAtHost: false,
            enableUltraSSD: false,
            osType: 'Linux',
            osSKU: 'Ubuntu',
            nodeImageVersion: image,
            upgradeSettings: { maxSurge: '10%' },
            enableFIPS: false,
            nodeLabels: { team: 'platform' },
            ...extra,
        },
    };
}

const snapshotIdOf = (subscriptionId: string, resourceGroup: string, name: string): string =>
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/snapshots/${name}`;
const clusterIdOf = (subscriptionId: string, resourceGroup: string, name: string): string =>
    `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${name}`;

export const demoSeed: Seed = {
    tenantId: TENANT_ID,
    subscriptions: [
        { subscriptionId: PLATFORM_SUBSCRIPTION, displayName: 'Contoso Platform' },
        { subscriptionId: SANDBOX_SUBSCRIPTION, displayName: 'Contoso Sandbox' },
    ],
    resourceGroups: [
        { subscriptionId: PLATFORM_SUBSCRIPTION, name: 'rg-platform-eastus', location: 'eastus' },
        { subscriptionId: PLATFORM_SUBSCRIPTION, name: 'rg-platform-weu', location: 'westeurope' },
        { subscriptionId: PLATFORM_SUBSCRIPTION, name: 'rg-legacy', location: 'westus2' },
        { subscriptionId: PLATFORM_SUBSCRIPTION, name: 'rg-snapshots', location: 'eastus' },
        { subscriptionId: SANDBOX_SUBSCRIPTION, name: 'rg-sandbox', location: 'eastus' },
    ],
    clusters: [
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-platform-eastus',
            name: 'aks-prod-eastus',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            pools: [
                pool('system', 'System', 'Standard_D4s_v5', '1.33.5', UBUNTU_2611),
                pool('gpu', 'User', 'Standard_NC6s_v3', '1.33.5', UBUNTU_2610),
                pool('memory', 'User', 'Standard_E8s_v5', '1.32.9', AZURELINUX_2609, {
                    osSKU: 'AzureLinux',
                    creationData: { sourceResourceId: snapshotIdOf(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2609') },
                }),
                pool('win22', 'User', 'Standard_D4s_v5', '1.33.5', WINDOWS_2610, { osType: 'Windows', osSKU: 'Windows2022' }),
            ],
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-platform-weu',
            name: 'aks-prod-weu',
            location: 'westeurope',
            kubernetesVersion: '1.34.1',
            properties: { autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'SecurityPatch' } },
            // Its node OS channel may act on Saturdays 00:00–04:00 UTC; its auto-upgrade channel on the first Sunday of each month.
            maintenanceConfigurations: {
                aksManagedNodeOSUpgradeSchedule: {
                    maintenanceWindow: {
                        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: 'Saturday' } },
                        durationHours: 4,
                        startTime: '00:00',
                        utcOffset: '+00:00',
                    },
                },
                aksManagedAutoUpgradeSchedule: {
                    maintenanceWindow: {
                        schedule: { relativeMonthly: { intervalMonths: 1, weekIndex: 'First', dayOfWeek: 'Sunday' } },
                        durationHours: 8,
                        startTime: '02:00',
                        utcOffset: '+01:00',
                    },
                },
            },
            pools: [
                pool('system', 'System', 'Standard_D4ps_v5', '1.34.1', UBUNTU_ARM_2611),
                pool('burst', 'User', 'Standard_B4ms', '1.34.1', UBUNTU_2611),
                pool('batch', 'User', 'Standard_D8s_v5', '1.33.5', UBUNTU_2610, { provisioningState: 'Upgrading' }),
            ],
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-legacy',
            name: 'aks-legacy',
            location: 'westus2',
            kubernetesVersion: '1.32.9',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'Unmanaged' } },
            pools: [
                pool('nodepool1', 'System', 'Standard_D2s_v3', '1.32.9', UBUNTU_2110),
                pool('vmpool', 'User', 'Standard_D4s_v5', '1.32.9', UBUNTU_2611, { type: 'VirtualMachines' }),
            ],
        },
        {
            subscriptionId: SANDBOX_SUBSCRIPTION,
            resourceGroup: 'rg-sandbox',
            name: 'aks-sandbox',
            location: 'eastus',
            kubernetesVersion: '1.34.1',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                {
                    // Upgraded three days before the emulator's today (a rollback is possible), and a month before that.
                    ...pool('nodepool1', 'System', 'Standard_D4s_v5', '1.34.1', 'AKSUbuntu-2204gen2containerd-202611.10.0'),
                    recentlyUsed: [
                        { orchestratorVersion: '1.34.1', nodeImageVersion: UBUNTU_2611, timestamp: '2026-11-21T09:30:00Z' },
                        { orchestratorVersion: '1.33.5', nodeImageVersion: UBUNTU_2610, timestamp: '2026-11-10T09:00:00Z' },
                    ],
                },
                pool('arm', 'User', 'Standard_D4ps_v5', '1.34.1', UBUNTU_ARM_2611),
            ],
        },
    ],
    snapshots: [
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-system-2611',
            location: 'eastus',
            source: 'aks-prod-eastus/system',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: UBUNTU_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-05T09:12:44Z',
            tags: { purpose: 'golden' },
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-memory-2609',
            location: 'eastus',
            source: 'aks-prod-eastus/memory',
            kubernetesVersion: '1.32.9',
            nodeImageVersion: AZURELINUX_2609,
            osType: 'Linux',
            osSku: 'AzureLinux',
            vmSize: 'Standard_E8s_v5',
            createdAt: '2026-09-18T14:03:10Z',
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-platform-weu',
            name: 'snap-arm-2611',
            location: 'westeurope',
            source: 'aks-prod-weu/system',
            kubernetesVersion: '1.34.1',
            nodeImageVersion: UBUNTU_ARM_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4ps_v5',
            createdAt: '2026-11-06T08:00:00Z',
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-win-2610',
            location: 'eastus',
            source: 'aks-prod-eastus/win22',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: WINDOWS_2610,
            osType: 'Windows',
            osSku: 'Windows2022',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-10-24T11:30:00Z',
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-k8s130',
            location: 'eastus',
            source: `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-retired/providers/Microsoft.ContainerService/managedClusters/aks-retired/agentPools/nodepool1`,
            kubernetesVersion: '1.30.7',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202502.09.0',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2025-02-20T10:00:00Z',
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-memory-2611',
            location: 'eastus',
            source: `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-staging/providers/Microsoft.ContainerService/managedClusters/aks-staging-eastus/agentPools/memory`,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'AKSAzureLinux-V3gen2-202611.03.0',
            osType: 'Linux',
            osSku: 'AzureLinux',
            vmSize: 'Standard_E8s_v5',
            createdAt: '2026-11-09T10:20:00Z',
            tags: { purpose: 'golden' },
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-snapshots',
            name: 'snap-gpu-2611',
            location: 'eastus',
            source: `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-staging/providers/Microsoft.ContainerService/managedClusters/aks-staging-eastus/agentPools/gpu`,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: UBUNTU_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_NC6s_v3',
            createdAt: '2026-11-09T10:25:00Z',
        },
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-legacy',
            name: 'snap-legacy-2505',
            location: 'westus2',
            source: `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-retired/providers/Microsoft.ContainerService/managedClusters/aks-retired/agentPools/nodepool2`,
            kubernetesVersion: '1.32.9',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202505.20.0',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2025-05-28T09:00:00Z',
        },
        {
            subscriptionId: SANDBOX_SUBSCRIPTION,
            resourceGroup: 'rg-sandbox',
            name: 'snap-sandbox-2611',
            location: 'eastus',
            source: 'aks-sandbox/nodepool1',
            kubernetesVersion: '1.34.1',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.10.0',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-12T16:45:00Z',
        },
    ],
};

export const emptySeed: Seed = {
    tenantId: TENANT_ID,
    subscriptions: [{ subscriptionId: PLATFORM_SUBSCRIPTION, displayName: 'Contoso Platform' }],
    resourceGroups: [],
    clusters: [],
    snapshots: [],
};

export const FLEET_EAST_SUBSCRIPTION = 'c1f2e3d4-5a6b-4c7d-8e9f-0a1b2c3d4e33';
export const FLEET_WEST_SUBSCRIPTION = 'd2e3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f44';

const FLEET_2611 = 'AKSUbuntu-2204gen2containerd-202611.03.0';
const FLEET_2611_R1 = 'AKSUbuntu-2204gen2containerd-202611.03.1';
const FLEET_2610 = 'AKSUbuntu-2204gen2containerd-202610.20.0';
const FLEET_2404 = 'AKSUbuntu-2404gen2containerd-202611.03.0';
const FLEET_FIPS = 'AKSUbuntu-2204gen2fipscontainerd-202611.03.0';
const fleetSnapshot = (name: string): string => snapshotIdOf(FLEET_EAST_SUBSCRIPTION, 'rg-fleet-snapshots', name);

/**
 * The edges the rules, drift and roll-outs need, apart from the demo so that its pictures stay as they are:
 * clusters under each node OS and auto-upgrade channel; a pool whose snapshot's image it has since left and one
 * whose Kubernetes version has; same-day images of different revisions; Ubuntu 24.04; FIPS; Windows; Arm64;
 * a `VirtualMachines` pool; two subscriptions.
 */
export const fleetSeed: Seed = {
    tenantId: TENANT_ID,
    subscriptions: [
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, displayName: 'Contoso Fleet East' },
        { subscriptionId: FLEET_WEST_SUBSCRIPTION, displayName: 'Contoso Fleet West' },
    ],
    resourceGroups: [
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, name: 'rg-fleet', location: 'eastus' },
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, name: 'rg-fleet-snapshots', location: 'eastus' },
        { subscriptionId: FLEET_WEST_SUBSCRIPTION, name: 'rg-fleet-west', location: 'westus2' },
    ],
    clusters: [
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet',
            name: 'aks-fleet-pinned',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                pool('system', 'System', 'Standard_D4s_v5', '1.33.5', FLEET_2611, {
                    creationData: { sourceResourceId: fleetSnapshot('snap-fleet-2611') },
                }),
                pool('drifted', 'User', 'Standard_D4s_v5', '1.33.5', 'AKSUbuntu-2204gen2containerd-202611.17.0', {
                    creationData: { sourceResourceId: fleetSnapshot('snap-fleet-2610') },
                }),
                pool('sameday', 'User', 'Standard_D4s_v5', '1.33.5', FLEET_2611),
                pool('noble', 'User', 'Standard_D4s_v5', '1.33.5', FLEET_2404, { osSKU: 'Ubuntu2404' }),
                pool('fips', 'User', 'Standard_D4s_v5', '1.33.5', FLEET_FIPS, { enableFIPS: true }),
            ],
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet',
            name: 'aks-fleet-reimaged',
            location: 'eastus',
            kubernetesVersion: '1.34.1',
            properties: { autoUpgradeProfile: { upgradeChannel: 'node-image', nodeOSUpgradeChannel: 'NodeImage' } },
            pools: [
                pool('system', 'System', 'Standard_D4s_v5', '1.34.1', 'AKSUbuntu-2204gen2containerd-202611.10.0', {
                    creationData: { sourceResourceId: fleetSnapshot('snap-fleet-2611') },
                }),
                pool('linux', 'User', 'Standard_E8s_v5', '1.33.5', 'AKSAzureLinux-V3gen2-202610.20.0', { osSKU: 'AzureLinux' }),
                pool('win', 'User', 'Standard_D4s_v5', '1.33.5', 'AKSWindows-2022-containerd-20348.4294.261021', {
                    osType: 'Windows',
                    osSKU: 'Windows2022',
                }),
                pool('atrisk', 'User', 'Standard_D4s_v5', '1.33.5', FLEET_2611, {
                    creationData: { sourceResourceId: fleetSnapshot('snap-fleet-2611') },
                }),
            ],
        },
        {
            subscriptionId: FLEET_WEST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-west',
            name: 'aks-fleet-west',
            location: 'westus2',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'patch', nodeOSUpgradeChannel: 'SecurityPatch' } },
            pools: [
                pool('system', 'System', 'Standard_D4s_v5', '1.33.5', FLEET_2610),
                pool('arm', 'User', 'Standard_D4ps_v5', '1.33.5', 'AKSUbuntu-2204gen2arm64containerd-202610.20.0'),
                pool('older', 'User', 'Standard_D4s_v5', '1.32.9', FLEET_2610),
                pool('vmpool', 'User', 'Standard_D4s_v5', '1.33.5', FLEET_2610, { type: 'VirtualMachines' }),
            ],
        },
        {
            subscriptionId: FLEET_WEST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-west',
            name: 'aks-fleet-unmanaged',
            location: 'westus2',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'stable', nodeOSUpgradeChannel: 'Unmanaged' } },
            pools: [pool('system', 'System', 'Standard_DS3_v2', '1.33.5', FLEET_2610)],
        },
        {
            subscriptionId: FLEET_WEST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-west',
            name: 'aks-fleet-rapid',
            location: 'westus2',
            kubernetesVersion: '1.34.1',
            properties: { autoUpgradeProfile: { upgradeChannel: 'rapid', nodeOSUpgradeChannel: 'NodeImage' } },
            pools: [pool('system', 'System', 'Standard_D4s_v5', '1.34.1', 'AKSUbuntu-2204gen2containerd-202611.10.0')],
        },
    ],
    snapshots: [
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-fleet-2611',
            location: 'eastus',
            source: 'aks-fleet-pinned/system',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-04T09:00:00Z',
            tags: { purpose: 'golden' },
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-fleet-2611r1',
            location: 'eastus',
            source: 'aks-fleet-pinned/sameday',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_2611_R1,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-05T09:00:00Z',
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-fleet-2610',
            location: 'eastus',
            source: 'aks-fleet-pinned/drifted',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_2610,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-10-22T09:00:00Z',
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-fips-2611',
            location: 'eastus',
            source: 'aks-fleet-pinned/fips',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_FIPS,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-06T09:00:00Z',
            enableFIPS: true,
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-noble-2611',
            location: 'eastus',
            source: 'aks-fleet-pinned/noble',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_2404,
            osType: 'Linux',
            osSku: 'Ubuntu2404',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-06T10:00:00Z',
        },
        {
            // Azure Linux 2.0, retired by AKS (R15): its last image, taken before the retirement.
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-snapshots',
            name: 'snap-azl2-2512',
            location: 'eastus',
            source: 'aks-fleet-pinned/system',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'AKSAzureLinux-V2gen2-202512.06.0',
            osType: 'Linux',
            osSku: 'AzureLinux',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2025-12-08T09:00:00Z',
        },
        {
            subscriptionId: FLEET_WEST_SUBSCRIPTION,
            resourceGroup: 'rg-fleet-west',
            name: 'snap-west-2610',
            location: 'westus2',
            source: 'aks-fleet-west/system',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: FLEET_2610,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-10-25T09:00:00Z',
        },
    ],
};

export interface ScaleShape {
    readonly subscriptions: number;
    readonly clustersPerSubscription: number;
    readonly poolsPerCluster: number;
    readonly snapshotsPerSubscription: number;
}

/** A tenant of any size, for benchmarks: every subscription alike, names numbered. */
export function scaleSeed(shape: ScaleShape): Seed {
    const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
    const subscriptions = Array.from({ length: shape.subscriptions }, (_, i) => ({
        subscriptionId: `5ca1e000-0000-4000-8000-${hex(i, 12)}`,
        displayName: `Scale ${String(i + 1).padStart(3, '0')}`,
    }));
    const regions = ['eastus', 'westeurope', 'westus2'];
    const resourceGroups = subscriptions.flatMap((s) => [
        { subscriptionId: s.subscriptionId, name: 'rg-clusters', location: 'eastus' },
        { subscriptionId: s.subscriptionId, name: 'rg-snapshots', location: 'eastus' },
    ]);
    const clusters: SeedCluster[] = subscriptions.flatMap((s) =>
        Array.from({ length: shape.clustersPerSubscription }, (_, c) => ({
            subscriptionId: s.subscriptionId,
            resourceGroup: 'rg-clusters',
            name: `aks-${String(c + 1).padStart(4, '0')}`,
            location: regions[c % regions.length],
            kubernetesVersion: '1.33.5',
            pools: Array.from({ length: shape.poolsPerCluster }, (_, p) =>
                pool(
                    p === 0 ? 'system' : `pool${p}`,
                    p === 0 ? 'System' : 'User',
                    'Standard_D4s_v5',
                    '1.33.5',
                    p % 2 ? UBUNTU_2610 : UBUNTU_2611,
                ),
            ),
        })),
    );
    const snapshots: SeedSnapshot[] = subscriptions.flatMap((s) =>
        Array.from({ length: shape.snapshotsPerSubscription }, (_, n) => ({
            subscriptionId: s.subscriptionId,
            resourceGroup: 'rg-snapshots',
            name: `snap-${String(n + 1).padStart(5, '0')}`,
            location: 'eastus',
            source: `/subscriptions/${s.subscriptionId}/resourceGroups/rg-retired/providers/Microsoft.ContainerService/managedClusters/aks-retired/agentPools/pool${n}`,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: n % 2 ? UBUNTU_2610 : UBUNTU_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-01T00:00:00Z',
        })),
    );
    return { tenantId: TENANT_ID, subscriptions, resourceGroups, clusters, snapshots };
}

const ROLL_2611 = 'AKSUbuntu-2204gen2containerd-202611.03.0';
const ROLL_2610 = 'AKSUbuntu-2204gen2containerd-202610.20.0';
const rollSnapshot = snapshotIdOf(FLEET_EAST_SUBSCRIPTION, 'rg-roll-snapshots', 'snap-roll-2611');

/**
 * A fleet for roll-outs of `snap-roll-2611`: 11 pools that can take it across 2 subscriptions and 3 clusters (8
 * node image only, 3 Kubernetes and image), and 4 that cannot (Windows, Arm64, busy, already on it).
 */
export const rolloutSeed: Seed = {
    tenantId: TENANT_ID,
    subscriptions: [
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, displayName: 'Contoso Fleet East' },
        { subscriptionId: FLEET_WEST_SUBSCRIPTION, displayName: 'Contoso Fleet West' },
    ],
    resourceGroups: [
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, name: 'rg-roll', location: 'eastus' },
        { subscriptionId: FLEET_EAST_SUBSCRIPTION, name: 'rg-roll-snapshots', location: 'eastus' },
        { subscriptionId: FLEET_WEST_SUBSCRIPTION, name: 'rg-roll-west', location: 'westus2' },
    ],
    clusters: [
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-roll',
            name: 'aks-roll-a',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                pool('a1', 'System', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('a2', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('a3', 'User', 'Standard_D8s_v5', '1.33.5', ROLL_2610),
                pool('a4', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('a5', 'User', 'Standard_D4s_v5', '1.32.9', ROLL_2610),
                pool('win', 'User', 'Standard_D4s_v5', '1.33.5', 'AKSWindows-2022-containerd-20348.4294.261021', {
                    osType: 'Windows',
                    osSKU: 'Windows2022',
                }),
                pool('golden', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2611, { creationData: { sourceResourceId: rollSnapshot } }),
            ],
        },
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-roll',
            name: 'aks-roll-b',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                pool('b1', 'System', 'Standard_D4s_v5', '1.32.9', ROLL_2610),
                pool('b2', 'User', 'Standard_D4s_v5', '1.32.9', ROLL_2610),
                pool('b3', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('arm', 'User', 'Standard_D4ps_v5', '1.33.5', 'AKSUbuntu-2204gen2arm64containerd-202610.20.0'),
            ],
        },
        {
            subscriptionId: FLEET_WEST_SUBSCRIPTION,
            resourceGroup: 'rg-roll-west',
            name: 'aks-roll-c',
            location: 'westus2',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                pool('c1', 'System', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('c2', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('c3', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610),
                pool('busy', 'User', 'Standard_D4s_v5', '1.33.5', ROLL_2610, { provisioningState: 'Scaling' }),
            ],
        },
    ],
    snapshots: [
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-roll-snapshots',
            name: 'snap-roll-2611',
            location: 'eastus',
            source: 'aks-roll-a/golden',
            kubernetesVersion: '1.33.5',
            nodeImageVersion: ROLL_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-10T09:00:00Z',
            tags: { purpose: 'golden' },
        },
    ],
};

export const EDGE_SUBSCRIPTION = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a33';
const EDGE_2611 = 'AKSUbuntu-2204gen2containerd-202611.03.0';
const goneEdgePool = `/subscriptions/${EDGE_SUBSCRIPTION}/resourceGroups/rg-gone/providers/Microsoft.ContainerService/managedClusters/aks-gone/agentPools/nodepool1`;

/**
 * Where AKS says no, in one subscription: a cluster on long-term support (1.31, offered only under LTS, Premium),
 * a kubenet cluster (no Windows pools), a pool on an older patch, and snapshots whose image is past 90 days, has no
 * readable date, or whose version is a patch AKS no longer offers. Dated against the emulator's `today` knob.
 */
export const edgesSeed: Seed = {
    tenantId: TENANT_ID,
    subscriptions: [{ subscriptionId: EDGE_SUBSCRIPTION, displayName: 'Contoso Edges' }],
    resourceGroups: [{ subscriptionId: EDGE_SUBSCRIPTION, name: 'rg-edges', location: 'eastus' }],
    clusters: [
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'aks-edge',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [
                pool('system', 'System', 'Standard_D4s_v5', '1.33.5', EDGE_2611),
                pool('older', 'User', 'Standard_D4s_v5', '1.32.7', 'AKSUbuntu-2204gen2containerd-202607.01.0'),
            ],
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'aks-kubenet',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: {
                autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' },
                networkProfile: { networkPlugin: 'kubenet', podCidr: '10.244.0.0/16' },
            },
            pools: [pool('system', 'System', 'Standard_D4s_v5', '1.33.5', EDGE_2611)],
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'aks-lts',
            location: 'eastus',
            kubernetesVersion: '1.31.13',
            tier: 'Premium',
            properties: { supportPlan: 'AKSLongTermSupport', autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [pool('system', 'System', 'Standard_D4s_v5', '1.31.13', EDGE_2611)],
        },
    ],
    snapshots: [
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'snap-lts-131',
            location: 'eastus',
            source: 'aks-lts/system',
            kubernetesVersion: '1.31.13',
            nodeImageVersion: EDGE_2611,
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-05T09:00:00Z',
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'snap-stale-2608',
            location: 'eastus',
            source: goneEdgePool,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202608.10.0',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-08-12T09:00:00Z',
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'snap-undated',
            location: 'eastus',
            source: goneEdgePool,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-custom',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-10T09:00:00Z',
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'snap-k8s1334',
            location: 'eastus',
            source: goneEdgePool,
            kubernetesVersion: '1.33.4',
            nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.10.0',
            osType: 'Linux',
            osSku: 'Ubuntu',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-11-12T09:00:00Z',
        },
        {
            subscriptionId: EDGE_SUBSCRIPTION,
            resourceGroup: 'rg-edges',
            name: 'snap-win-edge',
            location: 'eastus',
            source: goneEdgePool,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'AKSWindows-2022-containerd-20348.4294.261021',
            osType: 'Windows',
            osSku: 'Windows2022',
            vmSize: 'Standard_D4s_v5',
            createdAt: '2026-10-24T09:00:00Z',
        },
    ],
};

export const GUEST_TENANT_ID = 'b8e4c2a0-3d5f-4e71-8a9b-c0d1e2f3a4b5';
export const GUEST_SUBSCRIPTION = 'e5f6a7b8-9c0d-4e1f-a2b3-c4d5e6f7a855';

/**
 * The demo as seen by a person who is also a guest in another directory (Fabrikam): a sign-in to Contoso lists
 * both tenants, but Fabrikam's subscription is listed and answered only with a token from Fabrikam itself.
 */
export const tenantsSeed: Seed = {
    ...demoSeed,
    guestTenants: [{ tenantId: GUEST_TENANT_ID, displayName: 'Fabrikam', defaultDomain: 'fabrikam.onmicrosoft.com' }],
    subscriptions: [
        ...demoSeed.subscriptions,
        { subscriptionId: GUEST_SUBSCRIPTION, displayName: 'Fabrikam Shared', tenantId: GUEST_TENANT_ID },
    ],
    resourceGroups: [...demoSeed.resourceGroups, { subscriptionId: GUEST_SUBSCRIPTION, name: 'rg-fabrikam', location: 'westeurope' }],
    clusters: [
        ...demoSeed.clusters,
        {
            subscriptionId: GUEST_SUBSCRIPTION,
            resourceGroup: 'rg-fabrikam',
            name: 'aks-fabrikam',
            location: 'westeurope',
            kubernetesVersion: '1.34.1',
            pools: [pool('nodepool1', 'System', 'Standard_D4s_v5', '1.34.1', UBUNTU_2611)],
        },
    ],
};

/**
 * The demo seed with a Fleet Manager fleet in Contoso Platform: aks-prod-eastus in the group `canary`, aks-prod-weu and
 * aks-legacy in `wave-1`; aks-sandbox (another subscription) is in no fleet.
 */
export const fleetManagerSeed: Seed = {
    ...demoSeed,
    fleets: [
        {
            subscriptionId: PLATFORM_SUBSCRIPTION,
            resourceGroup: 'rg-platform-eastus',
            name: 'fleet-platform',
            location: 'eastus',
            members: [
                {
                    name: 'prod-eastus',
                    clusterResourceId: clusterIdOf(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus'),
                    group: 'canary',
                },
                {
                    name: 'prod-weu',
                    clusterResourceId: clusterIdOf(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu'),
                    group: 'wave-1',
                },
                { name: 'legacy', clusterResourceId: clusterIdOf(PLATFORM_SUBSCRIPTION, 'rg-legacy', 'aks-legacy'), group: 'wave-1' },
            ],
        },
    ],
};

/**
 * The roll-out seed with a Fleet Manager fleet in Contoso Fleet East: aks-roll-a in the group `canary`, aks-roll-b in
 * `wave-1`, aks-roll-c (Contoso Fleet West: a member may be in another subscription) in `wave-2`, and aks-roll-d, which
 * no roll-out of snap-roll-2611 chooses, in `later`.
 */
export const fleetRolloutSeed: Seed = {
    ...rolloutSeed,
    clusters: [
        ...rolloutSeed.clusters,
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-roll',
            name: 'aks-roll-d',
            location: 'eastus',
            kubernetesVersion: '1.33.5',
            properties: { autoUpgradeProfile: { upgradeChannel: 'none', nodeOSUpgradeChannel: 'None' } },
            pools: [pool('d1', 'System', 'Standard_D4s_v5', '1.33.5', ROLL_2611)],
        },
    ],
    fleets: [
        {
            subscriptionId: FLEET_EAST_SUBSCRIPTION,
            resourceGroup: 'rg-roll',
            name: 'fleet-roll',
            location: 'eastus',
            members: [
                { name: 'roll-a', clusterResourceId: clusterIdOf(FLEET_EAST_SUBSCRIPTION, 'rg-roll', 'aks-roll-a'), group: 'canary' },
                { name: 'roll-b', clusterResourceId: clusterIdOf(FLEET_EAST_SUBSCRIPTION, 'rg-roll', 'aks-roll-b'), group: 'wave-1' },
                { name: 'roll-c', clusterResourceId: clusterIdOf(FLEET_WEST_SUBSCRIPTION, 'rg-roll-west', 'aks-roll-c'), group: 'wave-2' },
                { name: 'roll-d', clusterResourceId: clusterIdOf(FLEET_EAST_SUBSCRIPTION, 'rg-roll', 'aks-roll-d'), group: 'later' },
            ],
        },
    ],
};

export const seeds: Record<string, Seed> = {
    demo: demoSeed,
    fleetManager: fleetManagerSeed,
    fleetRollout: fleetRolloutSeed,
    empty: emptySeed,
    fleet: fleetSeed,
    rollout: rolloutSeed,
    edges: edgesSeed,
    tenants: tenantsSeed,
};

/** A seed by name: one of `seeds`, `scale` (2×3×3×4) or `scale-<subscriptions>x<clusters>x<pools>x<snapshots>`. */
export function resolveSeed(seed: string | Seed): Seed {
    if (typeof seed === 'object') {
        return seed;
    }
    const scale = /^scale(?:-(\d+)x(\d+)x(\d+)x(\d+))?$/.exec(seed);
    if (scale) {
        const [s, c, p, n] = scale[1] ? scale.slice(1).map(Number) : [2, 3, 3, 4];
        return scaleSeed({ subscriptions: s, clustersPerSubscription: c, poolsPerCluster: p, snapshotsPerSubscription: n });
    }
    const found = seeds[seed];
    if (!found) {
        throw new Error(`Unknown seed "${seed}"; use one of: ${[...Object.keys(seeds), 'scale', 'scale-<S>x<C>x<P>x<N>'].join(', ')}`);
    }
    return found;
}

/**
 * Kubernetes versions AKS supports per region (R4): westus2 has dropped 1.32. 1.31 is offered only under long-term
 * support (its only `supportPlan` is `AKSLongTermSupport`, REST spec 2026-04-01): to LTS clusters, with the Premium tier.
 */
export function supportedKubernetesVersions(location: string): Json {
    const minors: [string, string[], boolean?][] = [
        ['1.31', ['1.31.13']],
        ['1.32', ['1.32.7', '1.32.9']],
        ['1.33', ['1.33.3', '1.33.5']],
        ['1.34', ['1.34.1'], true],
        ['1.35', ['1.35.0']],
    ];
    const offered = location.toLowerCase() === 'westus2' ? minors.filter(([minor]) => minor !== '1.32') : minors;
    const all = offered.flatMap(([, patches]) => patches);
    return {
        values: offered.map(([minor, patches, isDefault]) => ({
            version: minor,
            ...(isDefault ? { isDefault: true } : {}),
            ...(minor === '1.35' ? { isPreview: true } : {}),
            capabilities: { supportPlan: minor === '1.31' ? ['AKSLongTermSupport'] : ['KubernetesOfficial'] },
            patchVersions: Object.fromEntries(
                patches.map((patch) => [patch, { upgrades: all.filter((v) => isOneMinorUpgrade(patch, v)) }]),
            ),
        })),
    };
}

function isOneMinorUpgrade(from: string, to: string): boolean {
    const [a, b] = [from, to].map((v) => v.split('.').map(Number));
    return (a[1] === b[1] && b[2] > a[2]) || b[1] === a[1] + 1;
}

/**
 * Regions a node image release has not reached yet, with the release they still have. AKS rolls each weekly release
 * out region by region over several days (AKS release notes; the AKS release tracker, releases.aks.azure.com, shows
 * when a release reached each region): westus2 is a week behind here.
 */
const REGION_LAG: Readonly<Record<string, { linux: string; windows: string }>> = {
    westus2: { linux: '202611.10.0', windows: '261111' },
};

/**
 * The newest node image AKS would give a pool, by OS, OS SKU, FIPS, the size's CPU architecture (from its SKU facts),
 * and the region (`REGION_LAG`).
 */
export function latestNodeImage(osType: string, osSku: string | undefined, vmSize: string, fips = false, location = ''): string {
    const lag = REGION_LAG[location.toLowerCase()];
    if (osType === 'Windows') {
        const build = lag ? `4370.${lag.windows}` : '4405.261118';
        return osSku === 'Windows2019'
            ? `AKSWindows-2019-containerd-17763.7009.${lag?.windows ?? '261118'}`
            : `AKSWindows-2022-containerd-20348.${build}`;
    }
    const release = lag?.linux ?? '202611.17.0';
    if (osSku === 'AzureLinux') {
        return `AKSAzureLinux-V3gen2-${release}`;
    }
    const arm = VM_SIZES.find((s) => s.name.toLowerCase() === vmSize.toLowerCase())?.arch === 'Arm64';
    const ubuntu = osSku === 'Ubuntu2404' ? '2404' : '2204';
    return `AKSUbuntu-${ubuntu}gen2${arm ? 'arm64' : ''}${fips ? 'fips' : ''}containerd-${release}`;
}

/** The newest node image for a pool as it stands, in its cluster's region. */
export function latestNodeImageOf(pool: Json, location = ''): string {
    return latestNodeImage(
        String(pool.osType ?? 'Linux'),
        pool.osSKU as string | undefined,
        String(pool.vmSize ?? ''),
        pool.enableFIPS === true,
        location,
    );
}
