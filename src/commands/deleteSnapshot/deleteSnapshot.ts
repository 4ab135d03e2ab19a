import { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { poolsUsingSnapshot } from '../common/poolsUsingSnapshot';
import { pickTreeElement } from '../pickTreeElement';

/** Deletes a snapshot after a modal that names it and lists the pools still linked to it. */
export async function deleteSnapshot(context: IActionContext, services: AksServices, tree: AksTreeDataProvider, node?: SnapshotItem): Promise<string> {
    const { snapshot } = await pickTreeElement(context, tree, [SnapshotItem.contextValue], node);
    const { users, unread } = await poolsUsingSnapshot(services, snapshot.id);
    const detail = users.length === 0
        ? vscode.l10n.t('No node pool is linked to it.')
        : vscode.l10n.t('These node pools were made from it and stay as they are, but can no longer be scaled onto its image:\n{0}',
            users.map((u) => `• ${u.cluster.name}/${u.pool.name}`).join('\n'));
    const remove: vscode.MessageItem = { title: vscode.l10n.t('Delete') };
    await context.ui.showWarningMessage(vscode.l10n.t('Delete snapshot "{0}" in resource group "{1}"?', snapshot.name, snapshot.resourceGroup),
        { modal: true, detail: detail + unread, stepName: 'confirmDelete' }, remove);
    const service = await services.forSubscription(snapshot.subscriptionId);
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting snapshot "{0}"…', snapshot.name) },
        () => service.deleteSnapshot(snapshot.resourceGroup, snapshot.name));
    await tree.refreshSubscription(snapshot.subscriptionId);
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted snapshot "{0}".', snapshot.name));
    return snapshot.id;
}
