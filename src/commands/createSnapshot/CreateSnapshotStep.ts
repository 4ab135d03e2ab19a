import * as vscode from 'vscode';
import { snapshotId } from '../../model/armId';
import { LongOperationStep } from '../common/LongOperationStep';
import type { CreateSnapshotContext } from './CreateSnapshotContext';
import { required } from '../../model/required';

/** Snapshots are created synchronously, in the source pool's region (R2). */
export class CreateSnapshotStep extends LongOperationStep<CreateSnapshotContext> {
    protected title(context: CreateSnapshotContext): string {
        return vscode.l10n.t(
            'Creating snapshot "{0}" of node pool "{1}"',
            required(context.snapshotName, 'snapshotName'),
            context.pool.name,
        );
    }

    protected resourceId(context: CreateSnapshotContext): string {
        return snapshotId(
            context.service.subscriptionId,
            required(context.resourceGroup, 'resourceGroup'),
            required(context.snapshotName, 'snapshotName'),
        );
    }

    protected async run(context: CreateSnapshotContext): Promise<void> {
        context.snapshot = await context.service.createSnapshot(
            this.resourceId(context),
            context.cluster.location,
            context.pool.id,
            Object.keys(context.tags ?? {}).length > 0 ? context.tags : undefined,
        );
    }
}
