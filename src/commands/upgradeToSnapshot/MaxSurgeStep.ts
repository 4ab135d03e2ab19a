import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/** Max surge: a node count (1 or more) or a percentage (1%–100%); empty keeps the pool's own. */
export function validateMaxSurge(value: string): string | undefined {
    const text = value.trim();
    if (!text) {
        return undefined;
    }
    const match = /^(\d+)(%?)$/.exec(text);
    const number = match ? Number(match[1]) : NaN;
    return match && number >= 1 && (match[2] !== '%' || number <= 100)
        ? undefined
        : vscode.l10n.t('Max surge "{0}" is invalid: a whole number of nodes (1 or more) or a percentage from 1% to 100%.', text);
}

/** Asked on the Kubernetes path only: surge and drain settings do not apply to a node-image-only upgrade (R6). */
export class MaxSurgeStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        context.maxSurge = (await context.ui.showInputBox({
            prompt: vscode.l10n.t('Max surge during the upgrade (optional): nodes, or a percentage like 33%. Empty keeps the pool\'s setting.'),
            stepName: 'maxSurge',
            validateInput: validateMaxSurge,
        })).trim();
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return context.path === 'kubernetes' && context.maxSurge === undefined;
    }
}
