import { AzureWizardPromptStep, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { EditTagsContext } from './EditTagsContext';

type Action = { kind: 'add' } | { kind: 'tag'; key: string } | { kind: 'change' | 'remove' };

/** What to do: add a tag, or pick a tag to change or remove (one change at a time). */
export class TagActionStep extends AzureWizardPromptStep<EditTagsContext> {
    async prompt(context: EditTagsContext): Promise<void> {
        const tags = Object.entries(context.snapshot.tags);
        const items: IAzureQuickPickItem<Action>[] = [
            { label: `$(add) ${vscode.l10n.t('Add a tag…')}`, data: { kind: 'add' } },
            ...tags.map(
                ([key, value]): IAzureQuickPickItem<Action> => ({ label: `$(tag) ${key}`, description: value, data: { kind: 'tag', key } }),
            ),
        ];
        const picked = (
            await context.ui.showQuickPick(items, {
                placeHolder: vscode.l10n.t('Tags of snapshot "{0}": add one, or choose one to change or remove', context.snapshot.name),
                stepName: 'tagAction',
            })
        ).data;
        if (picked.kind === 'add') {
            Object.assign(context, { kind: 'add', key: undefined, value: undefined });
            return;
        }
        if (picked.kind !== 'tag') {
            return;
        }
        const what = (
            await context.ui.showQuickPick<IAzureQuickPickItem<'change' | 'remove'>>(
                [
                    { label: `$(edit) ${vscode.l10n.t('Change its value…')}`, data: 'change' },
                    { label: `$(trash) ${vscode.l10n.t('Remove it')}`, data: 'remove' },
                ],
                {
                    placeHolder: vscode.l10n.t('Tag "{0}" = "{1}"', picked.key, context.snapshot.tags[picked.key]),
                    stepName: 'tagChangeKind',
                },
            )
        ).data;
        Object.assign(context, { kind: what, key: picked.key, value: undefined });
    }

    shouldPrompt(context: EditTagsContext): boolean {
        return context.kind === undefined;
    }
}
