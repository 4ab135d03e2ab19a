import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NewNodePool, NodePool } from '../../model/aks';
import type { PoolOptions } from '../../model/poolOptions';
import { subscriptionOf } from '../../model/rules';
import type { NodePoolSpecContext } from '../common/NodePoolSpec';
import type { LongOperationContext } from '../common/guardedChange';
import type { PinClusterContext } from '../pinCluster/PinClusterContext';

export interface AddNodePoolContext extends NodePoolSpecContext, PinClusterContext, LongOperationContext, Partial<ExecuteActivityContext> {
    readonly services: AksServices;
    cluster?: Cluster;
    /** Supported Kubernetes versions per region (R4), read once each. */
    readonly versionsByLocation: Map<string, Promise<string[]>>;
    /** The person confirmed the summary (and the R7 warning, when the cluster's channels will re-image the pool). */
    confirmed?: boolean;
    /** Set under "Advanced options…"; AKS's defaults for the rest. */
    poolOptions?: { -readonly [K in keyof PoolOptions]: PoolOptions[K] };
    /** Set by AddNodePoolStep. */
    pool?: NodePool;
    /** False when the person stopped waiting; the operation goes on in Azure. */
    finished?: boolean;
}

/** R4 needs the versions AKS offers in a region, asked in the cluster's own subscription. */
export function supportedVersions(context: AddNodePoolContext, cluster: Cluster): Promise<string[]> {
    const key = `${cluster.subscriptionId}/${cluster.location}`.toLowerCase();
    let versions = context.versionsByLocation.get(key);
    if (!versions) {
        versions = context.services.forSubscription(subscriptionOf(cluster.id) ?? cluster.subscriptionId).then((s) => s.listKubernetesVersions(cluster.location));
        context.versionsByLocation.set(key, versions);
    }
    return versions;
}

/** The pool the answers describe: sent to Azure and written as the `az` line. */
export function newNodePool(context: AddNodePoolContext): NewNodePool {
    const snapshot = context.snapshot!;
    return {
        name: context.poolName!, snapshotId: snapshot.id, vmSize: context.vmSize!, count: context.nodeCount!, mode: context.mode!,
        osType: snapshot.osType, osSku: snapshot.osSku, kubernetesVersion: snapshot.kubernetesVersion, ...(snapshot.enableFips ? { enableFips: true } : {}),
        options: context.poolOptions ?? {},
    };
}

export function useCluster(context: AddNodePoolContext, cluster: Cluster): void {
    context.cluster = cluster;
    context.clusterName = cluster.name;
    context.existingPoolNames = cluster.nodePools.map((p) => p.name);
}
