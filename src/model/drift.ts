import type { Cluster, NodePool, Snapshot } from './aks';
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

/** Snapshots by their id (compared case-insensitively, as ARM does): a lookup, not a scan, per pool. */
export function indexSnapshots(snapshots: readonly Snapshot[]): ReadonlyMap<string, Snapshot> {
    return new Map(snapshots.map((s) => [s.id.toLowerCase(), s]));
}

/** How a pool stands against the snapshot it links to; undefined for a pool with no snapshot link. */
export function snapshotPin(
    pool: NodePool,
    cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'nodeOsUpgradeChannel'>,
    snapshots: ReadonlyMap<string, Snapshot>,
): SnapshotPin | undefined {
    if (!pool.snapshotId) {
        return undefined;
    }
    const snapshot = snapshots.get(pool.snapshotId.toLowerCase());
    return { snapshot, drift: snapshot ? driftFrom(pool, snapshot) : [], atRisk: reimagingChannel(cluster) };
}

function driftFrom(pool: NodePool, snapshot: Snapshot): Drift[] {
    const drift: Drift[] = [];
    if ((pool.nodeImageVersion ?? '') !== snapshot.nodeImageVersion) {
        drift.push({ field: 'nodeImage', pool: pool.nodeImageVersion ?? '', snapshot: snapshot.nodeImageVersion });
    }
    if (pool.kubernetesVersion !== snapshot.kubernetesVersion) {
        drift.push({ field: 'kubernetesVersion', pool: pool.kubernetesVersion, snapshot: snapshot.kubernetesVersion });
    }
    return drift;
}

export interface SnapshotUsage {
    /** Pools whose link points at the snapshot. */
    readonly pools: number;
    /** Of those, the ones no longer on its image or Kubernetes version. */
    readonly drifted: number;
}

/**
 * How many pools, of the clusters given, use each snapshot and how many of them drifted. The pools are indexed by
 * their link once, so that a tenant of thousands of snapshots and pools is counted in one pass, not one per snapshot.
 */
export function snapshotUsageIndex(clusters: readonly Cluster[]): (snapshot: Snapshot) => SnapshotUsage {
    const bySnapshot = new Map<string, { pool: NodePool; cluster: Cluster }[]>();
    for (const cluster of clusters) {
        for (const pool of cluster.nodePools) {
            if (pool.snapshotId) {
                const key = pool.snapshotId.toLowerCase();
                const users = bySnapshot.get(key) ?? [];
                users.push({ pool, cluster });
                bySnapshot.set(key, users);
            }
        }
    }
    return (snapshot) => {
        const users = bySnapshot.get(snapshot.id.toLowerCase()) ?? [];
        return { pools: users.length, drifted: users.filter((u) => driftFrom(u.pool, snapshot).length > 0).length };
    };
}
