import type { Cluster, NodePool, Snapshot } from './aks';
import { isSameArmId } from './armId';
import { reimagingChannel } from './channels';
import type { Problem } from './problems';

/**
 * Where a pool linked to a snapshot stands (R7). The link alone says only where the pool came from: it has
 * drifted when its node image or Kubernetes version is no longer the snapshot's, and it is at risk when its
 * cluster's channels will re-image it at the next maintenance window.
 */
export interface SnapshotPin {
    /** The snapshot as read, or undefined when it could not be read (deleted, or in a subscription not listed). */
    readonly snapshot?: Snapshot;
    readonly drift: readonly Drift[];
    readonly atRisk?: Extract<Problem, { code: 'channelReimages' }>;
}

export interface Drift {
    readonly field: 'nodeImage' | 'kubernetesVersion';
    readonly pool: string;
    readonly snapshot: string;
}

/** How a pool stands against the snapshot it links to; undefined for a pool with no snapshot link. */
export function snapshotPin(pool: NodePool, cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'nodeOsUpgradeChannel'>, snapshots: readonly Snapshot[]): SnapshotPin | undefined {
    if (!pool.snapshotId) {
        return undefined;
    }
    const snapshot = snapshots.find((s) => isSameArmId(s.id, pool.snapshotId));
    const drift: Drift[] = [];
    if (snapshot && (pool.nodeImageVersion ?? '') !== snapshot.nodeImageVersion) {
        drift.push({ field: 'nodeImage', pool: pool.nodeImageVersion ?? '', snapshot: snapshot.nodeImageVersion });
    }
    if (snapshot && pool.kubernetesVersion !== snapshot.kubernetesVersion) {
        drift.push({ field: 'kubernetesVersion', pool: pool.kubernetesVersion, snapshot: snapshot.kubernetesVersion });
    }
    return { snapshot, drift, atRisk: reimagingChannel(cluster) };
}

export interface SnapshotUsage {
    /** Pools whose link points at the snapshot. */
    readonly pools: number;
    /** Of those, the ones no longer on its image or Kubernetes version. */
    readonly drifted: number;
}

/** How many pools, of the clusters given, use the snapshot and how many of them drifted. */
export function snapshotUsage(snapshot: Snapshot, clusters: readonly Cluster[]): SnapshotUsage {
    const pins = clusters.flatMap((c) => c.nodePools.filter((p) => isSameArmId(p.snapshotId, snapshot.id)).map((p) => snapshotPin(p, c, [snapshot])!));
    return { pools: pins.length, drifted: pins.filter((p) => p.drift.length > 0).length };
}
