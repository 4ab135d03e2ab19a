import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { pickUsable } from '../common/pickUsable';
import { lastUsedWords } from './rollbackSummary';
import type { RollBackPoolContext } from './RollBackPoolContext';

/** The versions AKS keeps for the pool, newest first; those it would refuse stay visible with their reason. */
export class RollbackVersionStep extends AzureWizardPromptStep<RollBackPoolContext> {
    async prompt(context: RollBackPoolContext): Promise<void> {
        context.version = await pickUsable(
            context,
            context.choices.map((choice) => ({
                label: vscode.l10n.t('Kubernetes {0} · {1}', choice.version.kubernetesVersion, choice.version.nodeImageVersion),
                description: lastUsedWords(choice.version),
                data: choice.version,
                problems: choice.problems,
            })),
            vscode.l10n.t('The version to roll node pool "{0}" back to (recently used, newest first)', context.pool.name),
            'rollbackVersion',
        );
    }

    shouldPrompt(context: RollBackPoolContext): boolean {
        return !context.version;
    }
}
