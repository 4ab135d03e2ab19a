import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultSnapshotName, snapshotNameProblems } from '../../model/names';
import { describeProblems } from '../../messages/describeProblem';
import { CreateSnapshotContext, existingSnapshots, snapshotNamesIn } from './CreateSnapshotContext';

/** R9's format, as typed (uniqueness is checked against Azure apart). */
export function validateSnapshotName(value: string, resourceGroup: string): string | undefined {
    const problems = snapshotNameProblems(value.trim(), resourceGroup, []);
    return problems.length > 0 ? describeProblems(problems) : undefined;
}

/** R9: the format at once; uniqueness in the resource group against Azure. */
export class SnapshotNameStep extends AzureWizardPromptStep<CreateSnapshotContext> {
    async prompt(context: CreateSnapshotContext): Promise<void> {
        const resourceGroup = context.resourceGroup ?? context.cluster.resourceGroup;
        context.snapshotName = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('Snapshot name (in resource group {0})', resourceGroup),
                value: defaultSnapshotName(context.cluster.name, context.pool.name, new Date()),
                stepName: 'snapshotName',
                validateInput: (value) => validateSnapshotName(value, resourceGroup),
                asyncValidationTask: async (value) => {
                    const problems = snapshotNameProblems(
                        value.trim(),
                        resourceGroup,
                        snapshotNamesIn(await existingSnapshots(context), resourceGroup),
                    );
                    return problems.length > 0 ? describeProblems(problems) : undefined;
                },
            })
        ).trim();
    }

    shouldPrompt(context: CreateSnapshotContext): boolean {
        return !context.snapshotName;
    }
}
