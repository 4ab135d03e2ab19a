import { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { snapshotDeleteCommand, toShellLine } from '../../model/azCommands';
import type { AksServices } from '../../azure/AksServices';
import { describeChanges, snapshotChanges } from '../../model/changes';
import { formatTags } from '../../model/names';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { finishedOrTold, guardLine, LongOperationContext, runGuardedChange } from '../common/guardedChange';
import { poolsUsingSnapshot } from '../common/poolsUsingSnapshot';
import type { RunningOperations } from '../common/runningOperations';
import { pickTreeElement } from '../pickTreeElement';
import { ActionResult, azShell, reportDone } from '../reportAzCommand';

/**
 * Deletes a snapshot after a modal that names it and lists the pools still linked to it. The delete goes only to
 * the snapshot as read for the modal (its eTag where Azure gives one, else a read just before that finds the same
 * snapshot): when it changed meanwhile, the person sees it again and decides.
 */
export async function deleteSnapshot(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: SnapshotItem,
): Promise<ActionResult & { azCommand?: string }> {
    const item = await pickTreeElement(
        context,
        tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Delete Snapshot: the snapshot to delete'),
    );
    const service = await services.forSubscription(item.snapshot.subscriptionId);
    let snapshot = await service.getSnapshot(item.snapshot.id);
    const { users, unread } = await poolsUsingSnapshot(services, snapshot.id);
    const detail =
        users.length === 0
            ? vscode.l10n.t('No node pool is linked to it.')
            : vscode.l10n.t(
                  'These node pools were made from it and stay as they are, but can no longer be scaled onto its image:\n{0}',
                  users.map((u) => `• ${u.cluster.name}/${u.pool.name}`).join('\n'),
              );
    const remove: vscode.MessageItem = { title: vscode.l10n.t('Delete') };
    // Azure's REST spec gives a snapshot delete no condition: the snapshot is read again just before.
    await context.ui.showWarningMessage(
        vscode.l10n.t('Delete snapshot "{0}" in resource group "{1}"?', snapshot.name, snapshot.resourceGroup),
        { modal: true, detail: `${detail}${unread}\n\n${guardLine(snapshot.name, snapshot.eTag, false)}`, stepName: 'confirmDelete' },
        remove,
    );
    const outcome = await runGuardedChange({ services, operations, tree }, context, {
        title: vscode.l10n.t('Deleting snapshot "{0}"', snapshot.name),
        resourceId: snapshot.id,
        send: () => service.deleteSnapshot(snapshot),
        // Changed since the modal (a snapshot made again under its name, a new image, or a colleague's tag where
        // Azure served an eTag): show it as it is now and ask again.
        reconfirm: async () => {
            const before = snapshot;
            snapshot = await service.getSnapshot(before.id);
            const changed =
                describeChanges(snapshotChanges(before, snapshot)) ||
                vscode.l10n.t(
                    'tags: {0} → {1}',
                    formatTags(before.tags) || vscode.l10n.t('none'),
                    formatTags(snapshot.tags) || vscode.l10n.t('none'),
                );
            await context.ui.showWarningMessage(
                vscode.l10n.t('Snapshot "{0}" changed since you confirmed ({1}). Delete it as it is now?', snapshot.name, changed),
                { modal: true, detail: detail + unread, stepName: 'confirmDeleteAgain' },
                remove,
            );
        },
    });
    const told = finishedOrTold(outcome);
    if (!told.finished) {
        return { id: snapshot.id, notice: told.notice };
    }
    const azCommand = toShellLine(snapshotDeleteCommand(snapshot.id), azShell());
    const notice = reportDone(vscode.l10n.t('Deleted snapshot "{0}".', snapshot.name), azCommand);
    return { id: snapshot.id, notice, azCommand };
}
