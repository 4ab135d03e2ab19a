import type { UpgradeChannels } from './channels';
import type { ClusterOptions, PoolOptions } from './poolOptions';

/** The product's own view of AKS resources: only what the tree and the rules read. */

export interface NodePool {
    readonly id: string;
    readonly name: string;
    readonly clusterId: string;
    readonly mode: string;
    readonly osType: string;
    readonly osSku?: string;
    readonly vmSize: string;
    readonly count?: number;
    /** The Kubernetes version the pool runs (current, else requested). */
    readonly kubernetesVersion: string;
    readonly nodeImageVersion?: string;
    readonly provisioningState?: string;
    readonly powerState?: string;
    /** `VirtualMachineScaleSets` or `VirtualMachines`. */
    readonly poolType?: string;
    readonly enableFips?: boolean;
    /** The snapshot the pool was created or upgraded from (`creationData.sourceResourceId`). */
    readonly snapshotId?: string;
    /** `upgradeSettings.maxSurge`, when the pool has one set. */
    readonly maxSurge?: string;
    /** Changes on every write: a change is sent only if the pool still has the eTag of the read the person confirmed. */
    readonly eTag?: string;
}

export interface Cluster {
    readonly id: string;
    readonly name: string;
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly location: string;
    readonly kubernetesVersion: string;
    readonly provisioningState?: string;
    /** `powerState.code`: `Running` or `Stopped` (a stopped cluster takes only start or delete, R10). */
    readonly powerState?: string;
    readonly dnsPrefix?: string;
    readonly nodePools: readonly NodePool[];
    readonly eTag?: string;
    /** `autoUpgradeProfile.upgradeChannel` (none, patch, stable, rapid, node-image). */
    readonly upgradeChannel?: string;
    /** `autoUpgradeProfile.nodeOSUpgradeChannel` (None, Unmanaged, NodeImage, SecurityPatch). */
    readonly nodeOsUpgradeChannel?: string;
    /** `networkProfile.networkPlugin` (azure, kubenet, none): Windows pools need `azure` (R16). */
    readonly networkPlugin?: string;
}

export interface Snapshot {
    readonly id: string;
    readonly name: string;
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly location: string;
    readonly kubernetesVersion: string;
    readonly nodeImageVersion: string;
    readonly osType: string;
    readonly osSku?: string;
    readonly vmSize: string;
    readonly enableFips?: boolean;
    readonly sourceResourceId?: string;
    readonly createdAt?: Date;
    readonly tags: Readonly<Record<string, string>>;
    /** From the `ETag` header of a single read (lists carry none). */
    readonly eTag?: string;
}

/** A pool to add from a snapshot: what the service sends and the `az` line says. */
export interface NewNodePool {
    readonly name: string;
    readonly snapshotId: string;
    readonly vmSize: string;
    readonly count: number;
    readonly mode: 'System' | 'User';
    readonly osType: string;
    readonly osSku?: string;
    readonly kubernetesVersion: string;
    /** R16: the snapshot's FIPS setting, sent as `enableFIPS` beside `creationData` (AKS does not take it from the snapshot). */
    readonly enableFips?: boolean;
    /** Set under "Advanced options…"; AKS's defaults for the rest. */
    readonly options?: PoolOptions;
}

/** A cluster whose system pool comes from a snapshot. */
export interface NewCluster {
    readonly resourceGroup: string;
    readonly name: string;
    readonly location: string;
    readonly dnsPrefix: string;
    readonly nodePoolName: string;
    readonly vmSize: string;
    readonly count: number;
    readonly snapshot: Snapshot;
    /** R7: `PINNED_CHANNELS` unless the person chose otherwise. */
    readonly channels: UpgradeChannels;
    /**
     * The snapshot's Kubernetes version is offered in the region only under AKS's long-term support: the cluster is
     * made with `supportPlan: AKSLongTermSupport` and the Premium tier, which it needs.
     */
    readonly longTermSupport?: boolean;
    /** Set under "Advanced options…"; AKS's defaults for the rest. */
    readonly options?: ClusterOptions;
}

export interface Subscription {
    readonly subscriptionId: string;
    readonly name: string;
    readonly tenantId: string;
}
