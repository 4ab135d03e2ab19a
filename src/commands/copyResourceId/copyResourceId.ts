import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../../tree/AksTreeElement';
import { ClusterItem } from '../../tree/ClusterItem';
import { NodePoolItem } from '../../tree/NodePoolItem';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { pickTreeElement } from '../pickTreeElement';

export const RESOURCE_CONTEXT_VALUES = [ClusterItem.contextValue, NodePoolItem.contextValue, SnapshotItem.contextValue];

export async function copyResourceId(context: IActionContext, tree: AksTreeDataProvider, node?: AksTreeElement): Promise<void> {
    const element = await pickTreeElement(
        context,
        tree,
        RESOURCE_CONTEXT_VALUES,
        node,
        vscode.l10n.t('Copy Resource ID: the cluster, node pool or snapshot'),
    );
    await vscode.env.clipboard.writeText(element.id);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the resource ID of "{0}".', element.id.split('/').pop() ?? element.id));
}
