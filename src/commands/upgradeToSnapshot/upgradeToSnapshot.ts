import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId } from '../../model/armId';
import { clusterChannelsCommand, nodePoolUpgradeCommand, toShellScript } from '../../model/azCommands';
import { busyProblem } from '../../model/rules';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { NodePoolItem } from '../../tree/NodePoolItem';
import { refuseIfProblems } from '../common/refuseIfProblems';
import type { RunningOperations } from '../common/runningOperations';
import type { LongOperationContext } from '../common/guardedChange';
import { pickTreeElement } from '../pickTreeElement';
import { PinClusterStep } from '../pinCluster/PinClusterStep';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import { ConfirmUpgradeStep } from './ConfirmUpgradeStep';
import { MaxSurgeStep } from './MaxSurgeStep';
import { UpgradeSnapshotStep } from './UpgradeSnapshotStep';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';
import { UpgradeToSnapshotStep } from './UpgradeToSnapshotStep';
import { promptWizard } from '../common/toldIfCancelled';
import { rollbackAzLine } from '../rollBackPool/rollbackSummary';
import { reached } from '../../walkthrough';
import { required } from '../../model/required';

/** Right-click a node pool → Upgrade to Snapshot… (or from the palette, picking the pool). */
export async function upgradeToSnapshot(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: NodePoolItem,
): Promise<FlowResult | undefined> {
    const item = await pickTreeElement(
        context,
        tree,
        [NodePoolItem.contextValue],
        node,
        vscode.l10n.t('Upgrade to Snapshot: the node pool to upgrade (type a pool, cluster or subscription name)'),
    );
    const id = required(parseArmId(item.pool.id), 'id');
    const service = await services.forSubscription(id.subscriptionId);
    const [cluster, pool] = await Promise.all([service.getCluster(item.pool.clusterId), service.getNodePool(item.pool.id)]);
    // R10 first: a busy pool or cluster has no snapshot to choose.
    refuseIfProblems([
        ...busyProblem('cluster', cluster.name, cluster.provisioningState, cluster.powerState),
        ...busyProblem('nodePool', pool.name, pool.provisioningState, pool.powerState),
    ]);

    const wizardContext: UpgradeToSnapshotContext = { ...context, services, service, cluster, pool, suppressNotification: true };
    const title = vscode.l10n.t('Upgrade node pool "{0}" to a snapshot', pool.name);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new UpgradeSnapshotStep(), new MaxSurgeStep(), new ConfirmUpgradeStep()],
        executeSteps: [new PinClusterStep(tree, operations, true), new UpgradeToSnapshotStep(tree, operations)],
        showLoadingPrompt: true,
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();

    const snapshot = required(wizardContext.snapshot, 'snapshot');
    const pin = wizardContext.pinChannels ? [clusterChannelsCommand(cluster.id, wizardContext.pinChannels)] : [];
    if (wizardContext.rollback) {
        const azCommand = toShellScript(
            [...pin, rollbackAzLine(pool.id, wizardContext.rollback, wizardContext.poolUpgrades?.recentlyUsed ?? [])],
            azShell(),
        );
        return endFlow(tree, { id: pool.id, azCommand }, wizardContext, () =>
            vscode.l10n.t(
                'Rolled node pool "{0}" back to Kubernetes {1}, node image {2}.',
                pool.name,
                required(wizardContext.rollback, 'rollback').kubernetesVersion,
                required(wizardContext.rollback, 'rollback').nodeImageVersion,
            ),
        );
    }
    const azCommand = toShellScript(
        [
            ...pin,
            nodePoolUpgradeCommand({
                subscriptionId: service.subscriptionId,
                resourceGroup: cluster.resourceGroup,
                cluster: cluster.name,
                name: pool.name,
                snapshotId: snapshot.id,
                nodeImageOnly: wizardContext.path === 'nodeImageOnly',
                maxSurge: wizardContext.maxSurge || undefined,
                options: wizardContext.upgradeOptions,
            }),
        ],
        azShell(),
    );
    if (wizardContext.finished) {
        reached('snapshotUsed');
    }
    return endFlow(tree, { id: pool.id, azCommand }, wizardContext, () =>
        vscode.l10n.t(
            'Upgraded node pool "{0}" to snapshot "{1}": Kubernetes {2}, node image {3}.',
            pool.name,
            snapshot.name,
            snapshot.kubernetesVersion,
            snapshot.nodeImageVersion,
        ),
    );
}
