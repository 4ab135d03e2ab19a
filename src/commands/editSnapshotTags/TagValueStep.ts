import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { tagValueProblems } from '../../model/tags';
import { describeProblems } from '../../messages/describeProblem';
import type { EditTagsContext } from './EditTagsContext';
import { required } from '../../model/required';

export function validateTagValue(value: string): string | undefined {
    const problems = tagValueProblems(value);
    return problems.length ? describeProblems(problems) : undefined;
}

/** The value of the tag being added or changed (the current one offered); may be empty. */
export class TagValueStep extends AzureWizardPromptStep<EditTagsContext> {
    async prompt(context: EditTagsContext): Promise<void> {
        context.value = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Value of tag "{0}" (may be empty)', required(context.key, 'key')),
            value: context.kind === 'change' ? context.snapshot.tags[required(context.key, 'key')] : '',
            stepName: 'tagValue',
            validateInput: validateTagValue,
        });
    }

    shouldPrompt(context: EditTagsContext): boolean {
        return (context.kind === 'add' || context.kind === 'change') && context.value === undefined;
    }
}
