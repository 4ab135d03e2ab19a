import { AzureWizard, IActionContext, parseError, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId } from '../../model/armId';
import { clusterChannelsCommand, nodePoolUpgradeCommand, toShellScript } from '../../model/azCommands';
import { ResourceChangedError } from '../../azure/azureErrors';
import { describeChanges, poolChanges } from '../../model/changes';
import { busyProblem, upgradePath, upgradeProblems } from '../../model/rules';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { NodePoolItem } from '../../tree/NodePoolItem';
import { refuseIfProblems } from '../describeProblem';
import type { RunningOperations } from '../common/runningOperations';
import type { LongOperationContext } from '../longOperation';
import { pickTreeElement } from '../pickTreeElement';
import { PinClusterStep } from '../pinCluster/PinClusterStep';
import { endFlow, FlowResult } from '../reportAzCommand';
import { ConfirmUpgradeStep, upgradeSummary } from './ConfirmUpgradeStep';
import { MaxSurgeStep } from './MaxSurgeStep';
import { UpgradeSnapshotStep } from './UpgradeSnapshotStep';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';
import { UpgradeToSnapshotStep } from './UpgradeToSnapshotStep';

/** Right-click a node pool → Upgrade to Snapshot… (or from the palette, picking the pool). */
export async function upgradeToSnapshot(context: IActionContext & LongOperationContext, services: AksServices, tree: AksTreeDataProvider, operations: RunningOperations, node?: NodePoolItem): Promise<FlowResult | undefined> {
    const item = await pickTreeElement(context, tree, [NodePoolItem.contextValue], node);
    const id = parseArmId(item.pool.id)!;
    const service = await services.forSubscription(id.subscriptionId);
    const [cluster, pool] = await Promise.all([service.getCluster(id.resourceGroup, id.name), service.getNodePool(id.resourceGroup, id.name, item.pool.name)]);
    // R10 first: a busy pool or cluster has no snapshot to choose.
    refuseIfProblems([...busyProblem('cluster', cluster.name, cluster.provisioningState), ...busyProblem('nodePool', pool.name, pool.provisioningState)]);

    const wizardContext: UpgradeToSnapshotContext = { ...context, services, service, cluster, pool, suppressNotification: true };
    const upgrade = new UpgradeToSnapshotStep(tree, operations);
    const wizard = new AzureWizard(wizardContext, {
        title: vscode.l10n.t('Upgrade node pool "{0}" to a snapshot', pool.name),
        promptSteps: [new UpgradeSnapshotStep(), new MaxSurgeStep(), new ConfirmUpgradeStep()],
        executeSteps: [new PinClusterStep(tree, operations, true), upgrade],
        showLoadingPrompt: true,
    });
    await wizard.prompt();
    await executeAsConfirmed(wizardContext, () => wizard.execute(), () => upgrade.execute(wizardContext));

    const snapshot = wizardContext.snapshot!;
    const azCommand = toShellScript([...(wizardContext.pinChannels ? [clusterChannelsCommand(cluster.id, wizardContext.pinChannels)] : []), nodePoolUpgradeCommand({
        subscriptionId: service.subscriptionId, resourceGroup: cluster.resourceGroup, cluster: cluster.name, name: pool.name,
        snapshotId: snapshot.id, nodeImageOnly: wizardContext.path === 'nodeImageOnly', maxSurge: wizardContext.maxSurge || undefined, options: wizardContext.upgradeOptions,
    })]);
    return endFlow(tree, { id: pool.id, azCommand }, wizardContext, () =>
        vscode.l10n.t('Upgraded node pool "{0}" to snapshot "{1}": Kubernetes {2}, node image {3}.', pool.name, snapshot.name, snapshot.kubernetesVersion, snapshot.nodeImageVersion));
}

/**
 * Sends the upgrade to the pool as confirmed. When Azure says the pool changed meanwhile (someone scaled or
 * upgraded it), the pool is read again and the rules checked again; the person sees what changed and confirms
 * again, or the flow stops naming the rule the pool now breaks. Nothing is sent to a pool nobody confirmed.
 */
async function executeAsConfirmed(context: UpgradeToSnapshotContext, first: () => Promise<void>, again: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
        try {
            await (attempt === 0 ? first() : again());
            return;
        } catch (error) {
            if (!(error instanceof ResourceChangedError)) {
                throw error;
            }
        }
        const id = parseArmId(context.pool.id)!;
        const [cluster, pool] = await Promise.all([context.service.getCluster(id.resourceGroup, id.name), context.service.getNodePool(id.resourceGroup, id.name, context.pool.name)]);
        const changes = describeChanges(poolChanges(context.pool, pool));
        const snapshot = context.snapshot!;
        refuseIfProblems(upgradeProblems(pool, cluster, snapshot),
            vscode.l10n.t('Node pool "{0}" changed since you confirmed ({1}), and nothing was sent.', pool.name, changes));
        Object.assign(context, { cluster, pool, path: upgradePath(pool, snapshot), finished: undefined });
        await context.ui.showWarningMessage(
            vscode.l10n.t('Node pool "{0}" changed since you confirmed ({1}). Upgrade it as it is now?', pool.name, changes),
            { modal: true, detail: upgradeSummary(context), stepName: 'confirmUpgradeAgain' },
            { title: vscode.l10n.t('Upgrade') },
        ).catch((error: unknown) => {
            // The questions are over: Back here ends the flow as Esc does, sending nothing.
            throw parseError(error).errorType === 'GoBackError' ? new UserCancelledError('confirmUpgradeAgain') : error;
        });
    }
}
