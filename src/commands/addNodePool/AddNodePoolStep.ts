import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { runLongOperation } from '../longOperation';
import { AddNodePoolContext, newNodePool } from './AddNodePoolContext';

/** The long operation: the pool shows Creating as soon as AKS accepts it, then Succeeded. */
export class AddNodePoolStep extends AzureWizardExecuteStep<AddNodePoolContext> {
    priority = 100;

    constructor(private readonly tree: AksTreeDataProvider) {
        super();
    }

    async execute(context: AddNodePoolContext): Promise<void> {
        const cluster = context.cluster!;
        const snapshot = context.snapshot!;
        const service = await context.services.forSubscription(cluster.subscriptionId);
        const result = await runLongOperation(context, vscode.l10n.t('Adding node pool "{0}" to "{1}" from snapshot "{2}"', context.poolName!, cluster.name, snapshot.name),
            (options) => service.createNodePoolFromSnapshot(cluster.id, newNodePool(context), options),
            () => void this.tree.refreshSubscription(cluster.subscriptionId));
        context.finished = result.done;
        context.pool = result.done ? result.value : undefined;
        await this.tree.refreshSubscription(cluster.subscriptionId);
    }

    shouldExecute(context: AddNodePoolContext): boolean {
        return !context.pool;
    }
}
