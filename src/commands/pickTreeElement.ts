import { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../tree/AksTreeElement';

/**
 * From the palette a command has no node: one list of every element it applies to, from the same tree, each with
 * where it is (cluster, subscription) so typing any of those finds it; `placeHolder` says what to choose.
 */
export async function pickTreeElement<T extends AksTreeElement>(context: IActionContext, tree: AksTreeDataProvider, contextValues: string[], node: T | undefined, placeHolder: string): Promise<T> {
    if (node) {
        return node;
    }
    const wanted = contextValues.map((value) => new RegExp(`(^|;)${value}(;|$)`));
    const items = async (): Promise<IAzureQuickPickItem<T>[]> => {
        const found: IAzureQuickPickItem<T>[] = [];
        const walk = async (elements: readonly AksTreeElement[], path: readonly string[]): Promise<void> => {
            for (const element of elements) {
                const item = await tree.getTreeItem(element);
                const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
                if (wanted.some((w) => w.test(item.contextValue ?? ''))) {
                    found.push({ label, description: [...path].reverse().join(' · '), detail: typeof item.description === 'string' ? item.description : undefined, data: element as T });
                }
                if (item.collapsibleState !== undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) {
                    // A group (Snapshots) adds nothing to where its children are.
                    const here = element.invalidate || /\/managedClusters\//i.test(element.id) ? [...path, label] : path;
                    await walk(await tree.getChildren(element), here);
                }
            }
        };
        await walk(await tree.getChildren(), []);
        return found;
    };
    const picked = await context.ui.showQuickPick(items(), {
        placeHolder, matchOnDescription: true, matchOnDetail: true, stepName: 'pickTreeElement', suppressPersistence: true,
        noPicksMessage: vscode.l10n.t('Nothing to choose: no such resource is listed in your subscriptions.'),
    });
    return picked.data;
}
