import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { tagChangeCommand, toShellLine } from '../../model/azCommands';
import type { AksServices } from '../../azure/AksServices';
import { formatTags } from '../../model/names';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import type { RunningOperations } from '../common/runningOperations';
import { pickTreeElement } from '../pickTreeElement';
import { ActionResult, azShell, reportDone } from '../reportAzCommand';
import type { EditTagsContext } from './EditTagsContext';
import { EditTagStep } from './EditTagStep';
import { TagActionStep } from './TagActionStep';
import { TagNameStep } from './TagNameStep';
import { TagValueStep } from './TagValueStep';
import { promptWizard } from '../common/toldIfCancelled';
import { required } from '../../model/required';

/**
 * Edits a snapshot's tags one at a time (add, change or remove), against a fresh read, sending only that change.
 * Returns the tags as Azure has them afterwards (none when the answer was lost).
 */
export async function editSnapshotTags(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: SnapshotItem,
): Promise<ActionResult & { tags?: Record<string, string>; azCommand?: string }> {
    const item = await pickTreeElement(
        context,
        tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Edit Tags: the snapshot whose tags to edit'),
    );
    const service = await services.forSubscription(item.snapshot.subscriptionId);
    const snapshot = await service.getSnapshot(item.snapshot.id);
    const wizardContext: EditTagsContext = { ...context, services, service, snapshot };
    const title = vscode.l10n.t('Tags of snapshot "{0}"', snapshot.name);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new TagActionStep(), new TagNameStep(), new TagValueStep()],
        executeSteps: [new EditTagStep(tree, operations)],
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();
    if (!wizardContext.result) {
        return { id: snapshot.id, notice: wizardContext.notice };
    }
    const sent = required(wizardContext.sent, 'sent');
    const azCommand = toShellLine(tagChangeCommand(snapshot.id, sent.operation, sent.tags), azShell());
    const notice = reportDone(
        vscode.l10n.t('Updated the tags of snapshot "{0}": {1}', snapshot.name, formatTags(wizardContext.result) || vscode.l10n.t('none')),
        azCommand,
    );
    return { id: snapshot.id, tags: wizardContext.result, notice, azCommand };
}
