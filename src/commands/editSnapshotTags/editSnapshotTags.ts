import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { formatTags } from '../../model/names';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { SnapshotTagsStep, TagsContext } from '../createSnapshot/SnapshotTagsStep';
import { pickTreeElement } from '../pickTreeElement';

/** Edits a snapshot's tags: the current ones pre-filled; the PATCH sends the whole new set. */
export async function editSnapshotTags(context: IActionContext, services: AksServices, tree: AksTreeDataProvider, node?: SnapshotItem): Promise<Record<string, string>> {
    const { snapshot } = await pickTreeElement(context, tree, [SnapshotItem.contextValue], node);
    const wizardContext: IActionContext & TagsContext = { ...context };
    await new AzureWizard(wizardContext, {
        title: vscode.l10n.t('Tags of snapshot "{0}"', snapshot.name),
        promptSteps: [new SnapshotTagsStep(formatTags(snapshot.tags))],
    }).prompt();
    const service = await services.forSubscription(snapshot.subscriptionId);
    const updated = await service.updateSnapshotTags(snapshot.resourceGroup, snapshot.name, wizardContext.tags ?? {}, snapshot.eTag);
    await tree.refreshSubscription(snapshot.subscriptionId);
    void vscode.window.showInformationMessage(vscode.l10n.t('Updated the tags of snapshot "{0}": {1}', snapshot.name, formatTags(updated.tags) || vscode.l10n.t('none')));
    return updated.tags as Record<string, string>;
}
