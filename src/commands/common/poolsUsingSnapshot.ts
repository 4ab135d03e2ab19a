import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NodePool } from '../../model/aks';
import { isSameArmId } from '../../model/armId';

export interface PoolUsingSnapshot {
    readonly cluster: Cluster;
    readonly pool: NodePool;
}

/** Every pool, in every subscription, whose `creationData` points at the snapshot (R7: it keeps its image). */
export async function poolsUsingSnapshot(services: AksServices, snapshotId: string): Promise<PoolUsingSnapshot[]> {
    const { items: clusters } = await services.fromEverySubscription((s) => s.listClusters());
    return clusters.flatMap((cluster) => cluster.nodePools.filter((pool) => isSameArmId(pool.snapshotId, snapshotId)).map((pool) => ({ cluster, pool })));
}
