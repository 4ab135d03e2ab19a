import { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../tree/AksTreeElement';

/**
 * From the palette a command has no node: one list of every element it applies to, from the same tree, each with
 * where it is (cluster, subscription) so typing any of those finds it; `placeHolder` says what to choose.
 */
export async function pickTreeElement<T extends AksTreeElement>(
    context: IActionContext,
    tree: AksTreeDataProvider,
    contextValues: string[],
    node: T | undefined,
    placeHolder: string,
): Promise<T> {
    if (node) {
        return node;
    }
    const wanted = contextValues.map((value) => new RegExp(`(^|;)${value}(;|$)`));
    // Each level's elements load side by side (every subscription's lists at once), the order kept as the tree's.
    const walk = async (elements: readonly AksTreeElement[], path: readonly string[]): Promise<IAzureQuickPickItem<T>[]> =>
        (
            await Promise.all(
                elements.map(async (element) => {
                    const item = await tree.getTreeItem(element);
                    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
                    const here: IAzureQuickPickItem<T>[] = wanted.some((w) => w.test(item.contextValue ?? ''))
                        ? [
                              {
                                  label,
                                  description: [...path].reverse().join(' · '),
                                  detail: typeof item.description === 'string' ? item.description : undefined,
                                  data: element as T,
                              },
                          ]
                        : [];
                    if (item.collapsibleState === undefined || item.collapsibleState === vscode.TreeItemCollapsibleState.None) {
                        return here;
                    }
                    // A group (Snapshots) adds nothing to where its children are; a subscription and a cluster do.
                    const within = element.invalidate || /\/managedClusters\//i.test(element.id) ? [...path, label] : path;
                    return [...here, ...(await walk(await tree.getChildren(element), within))];
                }),
            )
        ).flat();
    const picked = await context.ui.showQuickPick(
        tree.getChildren().then((roots) => walk(roots, [])),
        {
            placeHolder,
            matchOnDescription: true,
            matchOnDetail: true,
            stepName: 'pickTreeElement',
            suppressPersistence: true,
            noPicksMessage: vscode.l10n.t('Nothing to choose: no such resource is listed in your subscriptions.'),
        },
    );
    return picked.data;
}
