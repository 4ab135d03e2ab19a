import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { rollbackSummary } from './rollbackSummary';
import type { RollBackPoolContext } from './RollBackPoolContext';
import { required } from '../../model/required';

export class ConfirmRollbackStep extends AzureWizardPromptStep<RollBackPoolContext> {
    async prompt(context: RollBackPoolContext): Promise<void> {
        await context.ui.showWarningMessage(
            vscode.l10n.t(
                'Roll node pool "{0}" of "{1}" back to Kubernetes {2}, node image {3}?',
                context.pool.name,
                context.cluster.name,
                required(context.version, 'version').kubernetesVersion,
                required(context.version, 'version').nodeImageVersion,
            ),
            {
                modal: true,
                detail: rollbackSummary(context.pool, context.cluster, required(context.version, 'version')),
                stepName: 'confirmRollback',
            },
            { title: vscode.l10n.t('Roll Back') },
        );
        context.confirmed = true;
    }

    shouldPrompt(context: RollBackPoolContext): boolean {
        return !context.confirmed;
    }
}
