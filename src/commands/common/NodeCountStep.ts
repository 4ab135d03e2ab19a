import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { nodeCountProblems } from '../../model/rules';
import { describeProblems } from '../../messages/describeProblem';
import type { NodePoolSpecContext } from './NodePoolSpec';

export function validateNodeCount(text: string, mode: 'System' | 'User'): string | undefined {
    const problems = nodeCountProblems(text, mode);
    return problems.length > 0 ? describeProblems(problems) : undefined;
}

/** User pools take 0–1000 nodes, system pools 1–1000. */
export class NodeCountStep<T extends NodePoolSpecContext> extends AzureWizardPromptStep<T> {
    constructor(private readonly defaultCount: number) {
        super();
    }

    async prompt(context: T): Promise<void> {
        const mode = context.mode ?? 'User';
        const value = await context.ui.showInputBox({
            prompt: mode === 'System' ? vscode.l10n.t('Node count (1–1000)') : vscode.l10n.t('Node count (0–1000)'),
            value: String(this.defaultCount),
            stepName: 'nodeCount',
            validateInput: (text) => validateNodeCount(text, mode),
        });
        context.nodeCount = Number(value.trim());
    }

    shouldPrompt(context: T): boolean {
        return context.nodeCount === undefined;
    }
}
