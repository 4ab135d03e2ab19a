import { AzureWizardPromptStep, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseTags } from '../../model/names';
import { describeProblem } from '../../messages/describeProblem';

export interface TagsContext {
    tags?: Record<string, string>;
}

/** Optional tags as `key=value, key2=value2`; validated as typed. */
export function validateTags(value: string): string | undefined {
    const parsed = parseTags(value);
    return 'problem' in parsed ? describeProblem(parsed.problem) : undefined;
}

export class SnapshotTagsStep<T extends TagsContext & IActionContext> extends AzureWizardPromptStep<T> {
    constructor(private readonly initial = '') {
        super();
    }

    async prompt(context: T): Promise<void> {
        const value = await context.ui.showInputBox({
            prompt: vscode.l10n.t('Tags (optional): key=value, separated by commas'),
            placeHolder: 'team=platform, purpose=golden',
            value: this.initial,
            stepName: 'tags',
            validateInput: validateTags,
        });
        const parsed = parseTags(value);
        context.tags = 'tags' in parsed ? parsed.tags : {};
    }

    shouldPrompt(context: T): boolean {
        return context.tags === undefined;
    }
}
