import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { rollbackSummary } from './rollbackSummary';
import type { RollBackPoolContext } from './RollBackPoolContext';

export class ConfirmRollbackStep extends AzureWizardPromptStep<RollBackPoolContext> {
    async prompt(context: RollBackPoolContext): Promise<void> {
        await context.ui.showWarningMessage(
            vscode.l10n.t(
                'Roll node pool "{0}" of "{1}" back to Kubernetes {2}, node image {3}?',
                context.pool.name,
                context.cluster.name,
                context.version!.kubernetesVersion,
                context.version!.nodeImageVersion,
            ),
            { modal: true, detail: rollbackSummary(context.pool, context.cluster, context.version!), stepName: 'confirmRollback' },
            { title: vscode.l10n.t('Roll Back') },
        );
        context.confirmed = true;
    }

    shouldPrompt(context: RollBackPoolContext): boolean {
        return !context.confirmed;
    }
}
