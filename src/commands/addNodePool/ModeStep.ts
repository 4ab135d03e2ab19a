import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Problem } from '../../model/problems';
import { pickUsable } from '../common/pickUsable';
import type { AddNodePoolContext } from './AddNodePoolContext';
import { required } from '../../model/required';

/** User or System; a System pool must be Linux (R8). */
export class ModeStep extends AzureWizardPromptStep<AddNodePoolContext> {
    async prompt(context: AddNodePoolContext): Promise<void> {
        const snapshot = required(context.snapshot, 'snapshot');
        const systemProblems: Problem[] =
            snapshot.osType === 'Linux' ? [] : [{ code: 'systemPoolWindows', rule: 'R8', snapshot: snapshot.name }];
        context.mode = await pickUsable(
            context,
            [
                { label: 'User', description: vscode.l10n.t('runs your workloads'), data: 'User' as const, problems: [] },
                {
                    label: 'System',
                    description: vscode.l10n.t("can run the cluster's system pods"),
                    data: 'System' as const,
                    problems: systemProblems,
                },
            ],
            vscode.l10n.t('Mode of the new pool'),
            'mode',
        );
    }

    shouldPrompt(context: AddNodePoolContext): boolean {
        return !context.mode;
    }
}
