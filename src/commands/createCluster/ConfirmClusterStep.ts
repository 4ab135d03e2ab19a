import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateClusterContext } from './CreateClusterContext';

export function clusterSummary(context: CreateClusterContext): string {
    const s = context.snapshot!;
    return [
        vscode.l10n.t('Subscription: {0}', context.service!.session.subscription.name),
        vscode.l10n.t('Resource group: {0}{1}', context.resourceGroup!, context.newResourceGroup ? vscode.l10n.t(' (new)') : ''),
        vscode.l10n.t('Region: {0}', context.location!),
        vscode.l10n.t('DNS prefix: {0}', context.dnsPrefix!),
        vscode.l10n.t('Kubernetes version: {0} (from the snapshot)', s.kubernetesVersion),
        vscode.l10n.t('System pool: {0}, {1} × {2}, {3} ({4}), node image {5}', context.poolName!, context.nodeCount!, context.vmSize!, s.osType, s.osSku ?? '', s.nodeImageVersion),
    ].join('\n');
}

/** A summary to confirm before the cluster is created. */
export class ConfirmClusterStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        const create: vscode.MessageItem = { title: vscode.l10n.t('Create') };
        await context.ui.showWarningMessage(
            vscode.l10n.t('Create cluster "{0}" from snapshot "{1}"?', context.newClusterName!, context.snapshot!.name),
            { modal: true, detail: clusterSummary(context), stepName: 'confirmCluster' },
            create,
        );
        context.confirmed = true;
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.confirmed;
    }
}
