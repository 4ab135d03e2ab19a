import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateSnapshotContext } from './CreateSnapshotContext';

/** Snapshots are created synchronously, in the source pool's region (R2). */
export class CreateSnapshotStep extends AzureWizardExecuteStep<CreateSnapshotContext> {
    priority = 100;

    async execute(context: CreateSnapshotContext, progress: vscode.Progress<{ message?: string }>): Promise<void> {
        progress.report({ message: vscode.l10n.t('Creating snapshot "{0}" of node pool "{1}"…', context.snapshotName!, context.pool.name) });
        context.snapshot = await context.service.createSnapshot(context.resourceGroup!, context.snapshotName!, context.cluster.location, context.pool.id,
            Object.keys(context.tags ?? {}).length > 0 ? context.tags : undefined);
    }

    shouldExecute(context: CreateSnapshotContext): boolean {
        return !context.snapshot;
    }
}
