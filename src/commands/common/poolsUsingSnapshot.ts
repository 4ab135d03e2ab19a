import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NodePool } from '../../model/aks';
import { isSameArmId } from '../../model/armId';
import { unreadableSubscriptions } from './unreadableSubscriptions';

export interface PoolUsingSnapshot {
    readonly cluster: Cluster;
    readonly pool: NodePool;
}

/**
 * Every pool, in every subscription, whose `creationData` points at the snapshot (R7: it keeps its image), and
 * a note naming the subscriptions that could not be read (their pools may be missing).
 */
export async function poolsUsingSnapshot(
    services: AksServices,
    snapshotId: string,
): Promise<{ users: PoolUsingSnapshot[]; unread: string }> {
    const { items: clusters, failures } = await services.fromEverySubscription((s) => s.listClusters());
    const users = clusters.flatMap((cluster) =>
        cluster.nodePools.filter((pool) => isSameArmId(pool.snapshotId, snapshotId)).map((pool) => ({ cluster, pool })),
    );
    return { users, unread: unreadableSubscriptions(failures) };
}
