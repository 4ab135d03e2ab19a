import { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { LostAnswerError, ResourceChangedError } from '../../azure/azureErrors';
import { describeChanges, snapshotChanges } from '../../model/changes';
import { formatTags } from '../../model/names';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { tellAfterLostAnswer } from '../common/LongOperationStep';
import { poolsUsingSnapshot } from '../common/poolsUsingSnapshot';
import type { RunningOperations } from '../common/runningOperations';
import { pickTreeElement } from '../pickTreeElement';
import type { ActionResult } from '../reportAzCommand';

/**
 * Deletes a snapshot after a modal that names it and lists the pools still linked to it. The delete goes only to
 * the snapshot as read for the modal (its eTag): when it changed meanwhile, the person sees it again and decides.
 */
export async function deleteSnapshot(context: IActionContext, services: AksServices, tree: AksTreeDataProvider, operations: RunningOperations, node?: SnapshotItem): Promise<ActionResult> {
    const item = await pickTreeElement(context, tree, [SnapshotItem.contextValue], node);
    const service = await services.forSubscription(item.snapshot.subscriptionId);
    let snapshot = await service.getSnapshot(item.snapshot.resourceGroup, item.snapshot.name);
    const { users, unread } = await poolsUsingSnapshot(services, snapshot.id);
    const detail = users.length === 0
        ? vscode.l10n.t('No node pool is linked to it.')
        : vscode.l10n.t('These node pools were made from it and stay as they are, but can no longer be scaled onto its image:\n{0}',
            users.map((u) => `• ${u.cluster.name}/${u.pool.name}`).join('\n'));
    const remove: vscode.MessageItem = { title: vscode.l10n.t('Delete') };
    await context.ui.showWarningMessage(vscode.l10n.t('Delete snapshot "{0}" in resource group "{1}"?', snapshot.name, snapshot.resourceGroup),
        { modal: true, detail: detail + unread, stepName: 'confirmDelete' }, remove);
    const title = vscode.l10n.t('Deleting snapshot "{0}"', snapshot.name);
    const claim = operations.claim(snapshot.id, title);
    try {
        for (;;) {
            try {
                await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` },
                    () => service.deleteSnapshot(snapshot));
                break;
            } catch (error) {
                if (error instanceof LostAnswerError) {
                    return { id: snapshot.id, notice: await tellAfterLostAnswer(services, snapshot.id, title) };
                }
                if (!(error instanceof ResourceChangedError)) {
                    throw error;
                }
            }
            // Changed since the modal: show it as it is now and ask again.
            const before = snapshot;
            snapshot = await service.getSnapshot(before.resourceGroup, before.name);
            const changed = describeChanges(snapshotChanges(before, snapshot))
                || `tags: ${formatTags(before.tags) || vscode.l10n.t('none')} → ${formatTags(snapshot.tags) || vscode.l10n.t('none')}`;
            await context.ui.showWarningMessage(vscode.l10n.t('Snapshot "{0}" changed since you confirmed ({1}). Delete it as it is now?', snapshot.name, changed),
            { modal: true, detail: detail + unread, stepName: 'confirmDeleteAgain' }, remove);
        }
    } finally {
        claim.dispose();
        await tree.refreshSubscription(snapshot.subscriptionId);
    }
    const notice = vscode.l10n.t('Deleted snapshot "{0}".', snapshot.name);
    void vscode.window.showInformationMessage(notice);
    return { id: snapshot.id, notice };
}
