import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { poolNameProblems } from '../../model/names';
import { describeProblems } from '../../messages/describeProblem';
import type { NodePoolSpecContext } from './NodePoolSpec';

/** R9: lowercase, starts with a letter, at most 12 (Windows 6), unique in the cluster. */
export function validatePoolName(context: NodePoolSpecContext, value: string): string | undefined {
    const problems = poolNameProblems(
        value.trim(),
        context.snapshot?.osType ?? 'Linux',
        context.clusterName ?? '',
        context.existingPoolNames ?? [],
    );
    return problems.length > 0 ? describeProblems(problems) : undefined;
}

export class PoolNameStep<T extends NodePoolSpecContext> extends AzureWizardPromptStep<T> {
    constructor(private readonly defaultName?: (context: T) => string) {
        super();
    }

    async prompt(context: T): Promise<void> {
        const windows = context.snapshot?.osType === 'Windows';
        context.poolName = (
            await context.ui.showInputBox({
                prompt: windows
                    ? vscode.l10n.t('Node pool name (1–6 lowercase letters and digits, starting with a letter)')
                    : vscode.l10n.t('Node pool name (1–12 lowercase letters and digits, starting with a letter)'),
                value: this.defaultName?.(context),
                stepName: 'poolName',
                validateInput: (value) => validatePoolName(context, value),
            })
        ).trim();
    }

    shouldPrompt(context: T): boolean {
        return !context.poolName;
    }
}
