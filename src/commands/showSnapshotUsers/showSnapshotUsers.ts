import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { poolsUsingSnapshot } from '../common/poolsUsingSnapshot';
import { pickTreeElement } from '../pickTreeElement';

/** Lists every pool, in every subscription, made from the snapshot; picking one shows it in the tree. */
export async function showSnapshotUsers(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    node?: SnapshotItem,
): Promise<string[]> {
    const { snapshot } = await pickTreeElement(
        context,
        tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Show Pools Using This Snapshot: the snapshot'),
    );
    const { users, unread } = await poolsUsingSnapshot(services, snapshot.id);
    if (users.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No node pool uses snapshot "{0}".', snapshot.name) + unread);
        return [];
    }
    const picked = await context.ui.showQuickPick(
        users.map((u) => ({
            label: u.pool.name,
            description: `${u.cluster.name} · ${u.cluster.resourceGroup} · ${u.pool.kubernetesVersion} · ${u.pool.nodeImageVersion ?? ''}`,
            data: u.pool.id,
        })),
        {
            placeHolder: vscode.l10n.t('Node pools using snapshot "{0}"', snapshot.name) + unread,
            stepName: 'snapshotUsers',
            suppressPersistence: true,
        },
    );
    await tree.reveal(picked.data);
    return users.map((u) => u.pool.id);
}
