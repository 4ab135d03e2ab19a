import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';

/** Azure Resources, whose subscription filter (`azureResourceGroups.selectedSubscriptions`) every Azure extension reads. */
export const AZURE_RESOURCES_EXTENSION = 'ms-azuretools.vscode-azureresourcegroups';
export const AZURE_RESOURCES_SELECT_SUBSCRIPTIONS = 'azureResourceGroups.selectSubscriptions';

/**
 * Chooses which subscriptions the tree shows. With Azure Resources installed, its own command does it (one filter
 * for every Azure extension); without it, a quick pick writes the same setting, as `tenantId/subscriptionId`
 * entries, in the user's settings. Choosing all of them removes the filter, so that new subscriptions show too.
 */
export async function selectSubscriptions(context: IActionContext, services: AksServices): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (vscode.extensions.getExtension(AZURE_RESOURCES_EXTENSION) || commands.includes(AZURE_RESOURCES_SELECT_SUBSCRIPTIONS)) {
        await vscode.commands.executeCommand(AZURE_RESOURCES_SELECT_SUBSCRIPTIONS);
        return;
    }
    const { sessions } = await services.account.listAccount(true);
    const selected = services.account.settings.selectedSubscriptions;
    const isShown = (tenantId: string, subscriptionId: string): boolean =>
        selected.length === 0 ||
        selected.some(
            (entry) =>
                entry.toLowerCase() === `${tenantId}/${subscriptionId}`.toLowerCase() ||
                entry.toLowerCase() === subscriptionId.toLowerCase(),
        );
    const picks = await context.ui.showQuickPick(
        sessions.map(({ subscription: s, account }) => ({
            label: s.name,
            description: account ? `${s.subscriptionId} · ${account.label}` : s.subscriptionId,
            picked: isShown(s.tenantId, s.subscriptionId),
            data: `${s.tenantId}/${s.subscriptionId}`,
        })),
        {
            canPickMany: true,
            placeHolder: vscode.l10n.t('Select the subscriptions to show'),
            stepName: 'subscriptions',
            suppressPersistence: true,
            matchOnDescription: true,
            isPickSelected: (item) => !!item.picked,
        },
    );
    const chosen = picks.length === sessions.length ? undefined : picks.map((p) => p.data);
    // The setting's change redraws the tree.
    await vscode.workspace
        .getConfiguration('azureResourceGroups')
        .update('selectedSubscriptions', chosen, vscode.ConfigurationTarget.Global);
}
