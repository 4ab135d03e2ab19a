import { AzureWizardExecuteStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { runLongOperation } from '../longOperation';
import { CreateClusterContext, newCluster } from './CreateClusterContext';

/** Makes the resource group when new, then the cluster as a long operation. */
export class CreateClusterStep extends AzureWizardExecuteStep<CreateClusterContext> {
    priority = 100;

    constructor(private readonly tree: AksTreeDataProvider) {
        super();
    }

    async execute(context: CreateClusterContext): Promise<void> {
        const service = context.service!;
        if (context.newResourceGroup) {
            await service.createResourceGroup(context.resourceGroup!, context.location!);
        }
        const result = await runLongOperation(context, vscode.l10n.t('Creating cluster "{0}" from snapshot "{1}"', context.newClusterName!, context.snapshot!.name),
            (options) => service.createClusterFromSnapshot(newCluster(context), options),
            () => void this.tree.refreshSubscription(service.subscriptionId));
        context.finished = result.done;
        context.cluster = result.done ? result.value : undefined;
        await this.tree.refreshSubscription(service.subscriptionId);
    }

    shouldExecute(context: CreateClusterContext): boolean {
        return context.finished === undefined;
    }
}
