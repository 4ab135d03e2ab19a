import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { clusterChannelsCommand, nodePoolAddCommand, toShellScript } from '../../model/azCommands';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { ClusterItem } from '../../tree/ClusterItem';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { NodeCountStep } from '../common/NodeCountStep';
import { PoolNameStep } from '../common/PoolNameStep';
import type { RunningOperations } from '../common/runningOperations';
import { VmSizeStep } from '../common/VmSizeStep';
import type { LongOperationContext } from '../common/guardedChange';
import { PinClusterStep } from '../pinCluster/PinClusterStep';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import { AddNodePoolContext, newNodePool, useCluster } from './AddNodePoolContext';
import { AddNodePoolStep } from './AddNodePoolStep';
import { ConfirmAddStep } from './ConfirmAddStep';
import { ModeStep } from './ModeStep';
import { SourceSnapshotStep } from './SourceSnapshotStep';
import { TargetClusterStep } from './TargetClusterStep';
import { promptWizard } from '../common/toldIfCancelled';
import { reached } from '../../walkthrough';
import { required } from '../../model/required';

/**
 * Right-click a snapshot (it asks for the cluster) or a cluster (it asks for the snapshot) → Add Node Pool…;
 * from the palette it asks for both. Kubernetes version, OS type and SKU come from the snapshot.
 */
export async function addNodePool(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: SnapshotItem | ClusterItem,
): Promise<FlowResult | undefined> {
    const wizardContext: AddNodePoolContext = {
        ...context,
        services,
        versionsByCluster: new Map(),
        suppressNotification: true,
        sizeRegion: () =>
            wizardContext.cluster && { subscriptionId: wizardContext.cluster.subscriptionId, location: wizardContext.cluster.location },
    };
    if (node instanceof SnapshotItem) {
        wizardContext.snapshot = node.snapshot;
    } else if (node instanceof ClusterItem) {
        // Fresh state: R10 and the control plane's version must be today's, not the tree's.
        const service = await services.forSubscription(node.cluster.subscriptionId);
        useCluster(wizardContext, await service.getCluster(node.cluster.id));
    }
    const title = vscode.l10n.t('Add a node pool from a snapshot');
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [
            new SourceSnapshotStep(),
            new TargetClusterStep(),
            new PoolNameStep(),
            new ModeStep(),
            new VmSizeStep(),
            new NodeCountStep(3),
            new ConfirmAddStep(),
        ],
        executeSteps: [new PinClusterStep(tree, operations, true), new AddNodePoolStep(tree, operations)],
        showLoadingPrompt: true,
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();

    const cluster = required(wizardContext.cluster, 'cluster');
    const snapshot = required(wizardContext.snapshot, 'snapshot');
    const azCommand = toShellScript(
        [
            ...(wizardContext.pinChannels ? [clusterChannelsCommand(cluster.id, wizardContext.pinChannels)] : []),
            nodePoolAddCommand(cluster.id, newNodePool(wizardContext)),
        ],
        azShell(),
    );
    if (wizardContext.finished) {
        reached('snapshotUsed');
    }
    return endFlow(tree, { id: `${cluster.id}/agentPools/${wizardContext.poolName}`, azCommand }, wizardContext, () =>
        vscode.l10n.t(
            'Added node pool "{0}" to "{1}" from snapshot "{2}": Kubernetes {3}, node image {4}.',
            required(wizardContext.poolName, 'poolName'),
            cluster.name,
            snapshot.name,
            snapshot.kubernetesVersion,
            snapshot.nodeImageVersion,
        ),
    );
}
