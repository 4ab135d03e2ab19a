import type { ExecuteActivityContext } from '@microsoft/vscode-azext-utils';
import type { AksService } from '../../azure/AksService';
import type { Cluster, NodePool, Snapshot } from '../../model/aks';
import type { LongOperationStepContext } from '../common/LongOperationStep';

export interface CreateSnapshotContext extends LongOperationStepContext, Partial<ExecuteActivityContext> {
    readonly service: AksService;
    readonly cluster: Cluster;
    readonly pool: NodePool;
    /** The subscription's snapshots, read once, for R9 uniqueness. */
    existingSnapshots?: Snapshot[];
    snapshotName?: string;
    resourceGroup?: string;
    tags?: Record<string, string>;
    /** Set by CreateSnapshotStep. */
    snapshot?: Snapshot;
}

export async function existingSnapshots(context: CreateSnapshotContext): Promise<Snapshot[]> {
    context.existingSnapshots ??= await context.service.listSnapshots();
    return context.existingSnapshots;
}

export function snapshotNamesIn(snapshots: readonly Snapshot[], resourceGroup: string): string[] {
    return snapshots.filter((s) => s.resourceGroup.toLowerCase() === resourceGroup.toLowerCase()).map((s) => s.name);
}
