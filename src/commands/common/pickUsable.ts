import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Problem } from '../../model/problems';
import { describeProblems } from '../../messages/describeProblem';

/** One thing a person may pick, with the reasons (if any) it cannot be used here. */
export interface Choice<T> {
    readonly label: string;
    readonly description?: string;
    readonly detail?: string;
    readonly data: T;
    readonly problems: readonly Problem[];
}

/**
 * A quick pick where the choices that cannot apply stay visible after the others, marked, with their reason as the
 * row's detail (a line of its own, read before choosing). Picking one does not proceed: the question is asked again.
 */
export async function pickUsable<T>(
    context: IActionContext,
    choices: readonly Choice<T>[],
    placeHolder: string,
    stepName: string,
): Promise<T> {
    const ordered = [...choices.filter((c) => c.problems.length === 0), ...choices.filter((c) => c.problems.length > 0)];
    const items: IAzureQuickPickItem<Choice<T>>[] = ordered.map((c) => ({
        label: c.problems.length === 0 ? c.label : `$(circle-slash) ${c.label}`,
        description: c.description,
        detail: c.problems.length === 0 ? c.detail : describeProblems(c.problems),
        data: c,
    }));
    let prompt = placeHolder;
    for (;;) {
        const picked = await context.ui.showQuickPick(items, {
            placeHolder: prompt,
            stepName,
            suppressPersistence: true,
            matchOnDescription: true,
        });
        if (picked.data.problems.length === 0) {
            return picked.data.data;
        }
        prompt = vscode.l10n.t('"{0}" cannot be used: its reason is under it. {1}', picked.data.label, placeHolder);
    }
}
