import { AzureWizard, AzureWizardPromptStep, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { clusterChannelsCommand, toShellLine } from '../../model/azCommands';
import { pinnedChannels, reimagingChannel } from '../../model/channels';
import { busyProblem } from '../../model/rules';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { ClusterItem } from '../../tree/ClusterItem';
import type { RunningOperations } from '../common/runningOperations';
import { refuseIfProblems } from '../common/refuseIfProblems';
import type { LongOperationContext } from '../common/guardedChange';
import { pickTreeElement } from '../pickTreeElement';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import type { PinClusterContext } from './PinClusterContext';
import { PinClusterStep } from './PinClusterStep';
import { pinSummary } from './pinSummary';
import { promptWizard } from '../common/toldIfCancelled';
import { required } from '../../model/required';

class ConfirmPinStep extends AzureWizardPromptStep<PinClusterContext> {
    async prompt(context: PinClusterContext): Promise<void> {
        const channels = pinnedChannels(required(context.cluster, 'cluster'));
        await context.ui.showWarningMessage(
            vscode.l10n.t('Pin cluster "{0}" to its node images?', required(context.cluster, 'cluster').name),
            { modal: true, detail: pinSummary(required(context.cluster, 'cluster'), channels), stepName: 'confirmPin' },
            { title: vscode.l10n.t('Pin Cluster') },
        );
        context.pinChannels = channels;
    }

    shouldPrompt(context: PinClusterContext): boolean {
        return !context.pinChannels;
    }
}

/**
 * Right-click a cluster → Pin Cluster to Its Node Images… (R7): its automatic channels stop re-imaging its pools,
 * so pools from snapshots keep their images. Only the two channels change.
 */
export async function pinCluster(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: ClusterItem,
): Promise<FlowResult | undefined> {
    const item = await pickTreeElement(
        context,
        tree,
        [ClusterItem.contextValue],
        node,
        vscode.l10n.t('Pin Cluster: the cluster whose channels to pin (type a cluster or subscription name)'),
    );
    const service = await services.forSubscription(item.cluster.subscriptionId);
    // Fresh state: the channels, R10 and the eTag the change is guarded by are today's, not the tree's.
    const cluster = await service.getCluster(item.cluster.id);
    if (!reimagingChannel(cluster)) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t(
                'Cluster "{0}" already keeps its pools\' node images: node OS upgrade channel {1}, auto-upgrade channel {2}.',
                cluster.name,
                cluster.nodeOsUpgradeChannel ?? '',
                cluster.upgradeChannel ?? 'none',
            ),
        );
        return undefined;
    }
    refuseIfProblems(busyProblem('cluster', cluster.name, cluster.provisioningState, cluster.powerState));
    const wizardContext: PinClusterContext = { ...context, services, cluster, suppressNotification: true };
    const title = vscode.l10n.t('Pin cluster "{0}" to its node images', cluster.name);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new ConfirmPinStep()],
        executeSteps: [new PinClusterStep(tree, operations)],
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();
    const azCommand = toShellLine(clusterChannelsCommand(cluster.id, required(wizardContext.pinChannels, 'pinChannels')), azShell());
    return endFlow(tree, { id: cluster.id, azCommand }, wizardContext, () =>
        vscode.l10n.t(
            'Pinned cluster "{0}": node OS upgrade channel {1}, auto-upgrade channel {2}; its pools keep their node images.',
            cluster.name,
            required(wizardContext.pinChannels, 'pinChannels').nodeOsUpgradeChannel,
            required(wizardContext.pinChannels, 'pinChannels').upgradeChannel,
        ),
    );
}
