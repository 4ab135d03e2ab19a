import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseMaxSurge } from '../../model/poolOptions';
import { describeProblem } from '../../messages/describeProblem';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/** Max surge: a node count or a percentage up to 100%, 0 for no surge node; empty keeps the pool's own. */
export function validateMaxSurge(value: string): string | undefined {
    const parsed = value.trim() ? parseMaxSurge(value, 0) : undefined;
    return parsed && 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
}

/** Asked on the Kubernetes path only: surge and drain settings do not apply to a node-image-only upgrade (R6). */
export class MaxSurgeStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        context.maxSurge = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t(
                    "Max surge during the upgrade (optional): nodes, or a percentage like 33%; 0 for no surge node (then Max unavailable of 1 or more, under Advanced Options…). Empty keeps the pool's setting: {0}.",
                    context.pool.maxSurge ?? vscode.l10n.t("none set, so AKS's default"),
                ),
                stepName: 'maxSurge',
                validateInput: validateMaxSurge,
            })
        ).trim();
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return context.path === 'kubernetes' && !context.rollback && context.maxSurge === undefined;
    }
}
