import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { AksService } from '../../azure/AksService';
import type { Cluster, NodePool } from '../../model/aks';
import type { RecentlyUsedVersion, RollbackChoice } from '../../model/rollback';
import type { LongOperationStepContext } from '../common/LongOperationStep';

export interface RollBackPoolContext extends LongOperationStepContext, Partial<ExecuteActivityContext> {
    readonly service: AksService;
    readonly cluster: Cluster;
    /** As read when the flow began: the rollback is sent only to this pool (its eTag). */
    readonly pool: NodePool;
    /** The pool's recently used versions from AKS, newest first, with what stops a rollback to each. */
    readonly choices: readonly RollbackChoice[];
    version?: RecentlyUsedVersion;
    confirmed?: boolean;
}
