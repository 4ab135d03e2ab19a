import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Snapshot } from '../../model/aks';
import { tagNameProblems } from '../../model/tags';
import { describeProblems } from '../../messages/describeProblem';
import type { EditTagsContext } from './EditTagsContext';

/** A new tag's name: Azure's limits, and not one the snapshot has (names ignore case). */
export function validateTagName(value: string, snapshot: Snapshot): string | undefined {
    const problems = tagNameProblems(value, snapshot.tags);
    return problems.length ? describeProblems(problems) : undefined;
}

export class TagNameStep extends AzureWizardPromptStep<EditTagsContext> {
    async prompt(context: EditTagsContext): Promise<void> {
        context.key = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Name of the new tag'),
            stepName: 'tagName',
            validateInput: (value) => validateTagName(value, context.snapshot),
        });
    }

    shouldPrompt(context: EditTagsContext): boolean {
        return context.kind === 'add' && context.key === undefined;
    }
}
