import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { clusterNameProblems } from '../../model/names';
import { describeProblems } from '../../messages/describeProblem';
import type { CreateClusterContext } from './CreateClusterContext';

/** R9; uniqueness is checked where the resource group is chosen. */
export function validateClusterName(value: string): string | undefined {
    const problems = clusterNameProblems(value.trim(), '', []);
    return problems.length > 0 ? describeProblems(problems) : undefined;
}

export class ClusterNameStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        context.newClusterName = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('Cluster name (1–63 letters, digits, "-" and "_")'),
                stepName: 'clusterName',
                validateInput: validateClusterName,
            })
        ).trim();
        context.clusterName = context.newClusterName;
        context.existingPoolNames = [];
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.newClusterName;
    }
}
