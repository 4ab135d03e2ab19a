import type { ExecuteActivityContext, IActionContext } from '@microsoft/vscode-azext-utils';
import type { AksService } from '../../azure/AksService';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NodePool, Snapshot } from '../../model/aks';
import type { UpgradeOptions } from '../../model/poolOptions';
import type { RecentlyUsedVersion } from '../../model/rollback';
import type { UpgradePath } from '../../model/rules';
import type { LongOperationContext } from '../common/guardedChange';
import type { PoolUpgrades } from '../common/upgradeFacts';
import type { PinClusterContext } from '../pinCluster/PinClusterContext';

export interface UpgradeToSnapshotContext extends IActionContext, PinClusterContext, LongOperationContext, Partial<ExecuteActivityContext> {
    readonly services: AksServices;
    readonly service: AksService;
    /** As read when the flow began, or read again after the pool changed before the upgrade was sent. */
    cluster: Cluster;
    pool: NodePool;
    snapshot?: Snapshot;
    path?: UpgradePath;
    /** Set when the snapshot is older than the pool and AKS keeps its version for the pool: the upgrade is that rollback. */
    rollback?: RecentlyUsedVersion;
    /** AKS's upgrade paths for the pool (R5), read when a snapshot would change its Kubernetes version. */
    poolUpgrades?: PoolUpgrades;
    /** Kubernetes path only; empty keeps the pool's own setting. */
    maxSurge?: string;
    /** Kubernetes path only, set under "Advanced options…"; the pool keeps its own for the rest. */
    upgradeOptions?: { -readonly [K in keyof UpgradeOptions]: UpgradeOptions[K] };
    confirmed?: boolean;
    /** False when the person stopped waiting; the operation goes on in Azure. */
    finished?: boolean;
}
