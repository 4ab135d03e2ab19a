import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NewNodePool, NodePool } from '../../model/aks';
import type { PoolOptions } from '../../model/poolOptions';
import { PoolVersions, subscriptionOf } from '../../model/rules';
import type { NodePoolSpecContext } from '../common/NodePoolSpec';
import type { LongOperationContext } from '../common/guardedChange';
import type { PinClusterContext } from '../pinCluster/PinClusterContext';
import { required } from '../../model/required';

export interface AddNodePoolContext extends NodePoolSpecContext, PinClusterContext, LongOperationContext, Partial<ExecuteActivityContext> {
    readonly services: AksServices;
    cluster?: Cluster;
    /** The Kubernetes versions a new pool may have, per cluster (R4), read once each. */
    readonly versionsByCluster: Map<string, Promise<PoolVersions>>;
    /** The person confirmed the summary (and the R7 warning, when the cluster's channels will re-image the pool). */
    confirmed?: boolean;
    /** Set under "Advanced options…"; AKS's defaults for the rest. */
    poolOptions?: { -readonly [K in keyof PoolOptions]: PoolOptions[K] };
    /** Set by AddNodePoolStep. */
    pool?: NodePool;
    /** False when the person stopped waiting; the operation goes on in Azure. */
    finished?: boolean;
}

/**
 * R4 from AKS's own answer: the versions it offers a new pool in this cluster (which know the cluster's LTS plan);
 * the region's list only when that cannot be read.
 */
export function supportedVersions(context: AddNodePoolContext, cluster: Cluster): Promise<PoolVersions> {
    const key = cluster.id.toLowerCase();
    let versions = context.versionsByCluster.get(key);
    if (!versions) {
        versions = context.services.forSubscription(subscriptionOf(cluster.id) ?? cluster.subscriptionId).then((s) =>
            s
                .availablePoolVersions(cluster.id)
                .then((list): PoolVersions => ({ versions: list, from: 'cluster' }))
                .catch(
                    async (): Promise<PoolVersions> => ({
                        versions: (await s.listKubernetesVersions(cluster.location)).map((v) => v.version),
                        from: 'region',
                    }),
                ),
        );
        versions.catch(() => context.versionsByCluster.delete(key));
        context.versionsByCluster.set(key, versions);
    }
    return versions;
}

/** The pool the answers describe: sent to Azure and written as the `az` line. */
export function newNodePool(context: AddNodePoolContext): NewNodePool {
    const snapshot = required(context.snapshot, 'snapshot');
    return {
        name: required(context.poolName, 'poolName'),
        snapshotId: snapshot.id,
        vmSize: required(context.vmSize, 'vmSize'),
        count: required(context.nodeCount, 'nodeCount'),
        mode: required(context.mode, 'mode'),
        osType: snapshot.osType,
        osSku: snapshot.osSku,
        kubernetesVersion: snapshot.kubernetesVersion,
        ...(snapshot.enableFips ? { enableFips: true } : {}),
        options: context.poolOptions ?? {},
    };
}

export function useCluster(context: AddNodePoolContext, cluster: Cluster): void {
    context.cluster = cluster;
    context.clusterName = cluster.name;
    context.existingPoolNames = cluster.nodePools.map((p) => p.name);
}
