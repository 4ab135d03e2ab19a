import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { Snapshot } from '../../model/aks';

/** What the shared node pool questions read and fill (add a pool; the system pool of a new cluster). */
export interface NodePoolSpecContext extends IActionContext {
    snapshot?: Snapshot;
    /** The cluster the pool goes to, for messages and uniqueness. */
    clusterName?: string;
    existingPoolNames?: readonly string[];
    mode?: 'System' | 'User';
    poolName?: string;
    vmSize?: string;
    nodeCount?: number;
}
