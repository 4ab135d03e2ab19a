import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { parseArmId, snapshotId } from '../../model/armId';
import { snapshotCreateCommand, toShellLine } from '../../model/azCommands';
import { snapshotSourceProblems } from '../../model/rules';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { NodePoolItem } from '../../tree/NodePoolItem';
import type { RunningOperations } from '../common/runningOperations';
import { refuseIfProblems } from '../common/refuseIfProblems';
import { pickTreeElement } from '../pickTreeElement';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import type { CreateSnapshotContext } from './CreateSnapshotContext';
import { CreateSnapshotStep } from './CreateSnapshotStep';
import { SnapshotNameStep } from './SnapshotNameStep';
import { SnapshotResourceGroupStep } from './SnapshotResourceGroupStep';
import { SnapshotTagsStep } from './SnapshotTagsStep';
import { promptWizard } from '../common/toldIfCancelled';
import { reached } from '../../walkthrough';
import { required } from '../../model/required';

/** Right-click a node pool → Create Snapshot… (or from the palette, picking the pool). */
export async function createSnapshot(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: NodePoolItem,
): Promise<FlowResult> {
    const item = await pickTreeElement(
        context,
        tree,
        [NodePoolItem.contextValue],
        node,
        vscode.l10n.t('Create Snapshot: the node pool to snapshot (type a pool, cluster or subscription name)'),
    );
    const id = required(parseArmId(item.pool.id), 'id');
    const service = await services.forSubscription(id.subscriptionId);
    // Fresh state: the tree may be older than the pool.
    const [cluster, pool] = await Promise.all([service.getCluster(item.pool.clusterId), service.getNodePool(item.pool.id)]);
    refuseIfProblems(snapshotSourceProblems(pool));

    const wizardContext: CreateSnapshotContext = { ...context, services, service, cluster, pool };
    const title = vscode.l10n.t('Create a snapshot of node pool "{0}" ({1})', pool.name, cluster.name);
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [new SnapshotNameStep(), new SnapshotResourceGroupStep(), new SnapshotTagsStep()],
        executeSteps: [new CreateSnapshotStep(tree, operations)],
        showLoadingPrompt: true,
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();

    const azCommand = toShellLine(
        snapshotCreateCommand({
            subscriptionId: service.subscriptionId,
            resourceGroup: required(wizardContext.resourceGroup, 'resourceGroup'),
            name: required(wizardContext.snapshotName, 'snapshotName'),
            nodePoolId: pool.id,
            location: cluster.location,
            tags: wizardContext.tags,
        }),
        azShell(),
    );
    const snapshot = wizardContext.snapshot;
    if (wizardContext.finished) {
        reached('snapshotCreated');
    }
    return endFlow(
        tree,
        {
            id: snapshotId(
                service.subscriptionId,
                required(wizardContext.resourceGroup, 'resourceGroup'),
                required(wizardContext.snapshotName, 'snapshotName'),
            ),
            azCommand,
        },
        wizardContext,
        () =>
            vscode.l10n.t(
                'Created snapshot "{0}" of node pool "{1}" in {2}: Kubernetes {3}, node image {4}.',
                required(snapshot, 'snapshot').name,
                pool.name,
                required(snapshot, 'snapshot').location,
                required(snapshot, 'snapshot').kubernetesVersion,
                required(snapshot, 'snapshot').nodeImageVersion,
            ),
    );
}
