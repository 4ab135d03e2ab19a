import { AzureWizard, IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { clusterId } from '../../model/armId';
import { clusterCreateCommands, toShellScript } from '../../model/azCommands';
import { retiredOsProblems, systemPoolProblems } from '../../model/rules';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { NodeCountStep } from '../common/NodeCountStep';
import { PoolNameStep } from '../common/PoolNameStep';
import type { RunningOperations } from '../common/runningOperations';
import { VmSizeStep } from '../common/VmSizeStep';
import { refuseIfProblems } from '../common/refuseIfProblems';
import type { LongOperationContext } from '../common/guardedChange';
import { pickTreeElement } from '../pickTreeElement';
import { azShell, endFlow, FlowResult } from '../reportAzCommand';
import { ClusterNameStep } from './ClusterNameStep';
import { ConfirmClusterStep } from './ConfirmClusterStep';
import { CreateClusterContext, newCluster } from './CreateClusterContext';
import { CreateClusterStep } from './CreateClusterStep';
import { DnsPrefixStep } from './DnsPrefixStep';
import { RegionStep } from './RegionStep';
import { ResourceGroupStep } from './ResourceGroupStep';
import { SubscriptionStep } from './SubscriptionStep';
import { promptWizard } from '../common/toldIfCancelled';
import { reached } from '../../walkthrough';
import { required } from '../../model/required';

/** Right-click a snapshot → Create Cluster… (or from the palette): the snapshot becomes the system pool (R8). */
export async function createCluster(
    context: IActionContext & LongOperationContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    node?: SnapshotItem,
): Promise<FlowResult | undefined> {
    const item = await pickTreeElement(
        context,
        tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Create Cluster: the snapshot to make its system pool from'),
    );
    const snapshot = item.snapshot;
    refuseIfProblems([...retiredOsProblems(snapshot), ...systemPoolProblems(snapshot)]);

    const wizardContext: CreateClusterContext = {
        ...context,
        services,
        snapshot,
        mode: 'System',
        suppressNotification: true,
        sizeRegion: () =>
            wizardContext.service && wizardContext.location
                ? { subscriptionId: wizardContext.service.subscriptionId, location: wizardContext.location }
                : undefined,
    };
    const title = vscode.l10n.t(
        'Create a cluster from snapshot "{0}" ({1} · {2} · {3})',
        snapshot.name,
        snapshot.kubernetesVersion,
        snapshot.osSku ?? snapshot.osType,
        snapshot.vmSize,
    );
    const wizard = new AzureWizard(wizardContext, {
        title,
        promptSteps: [
            new SubscriptionStep(),
            new ClusterNameStep(),
            new ResourceGroupStep(),
            new RegionStep(),
            new DnsPrefixStep(),
            new PoolNameStep(() => 'nodepool1'),
            new VmSizeStep(),
            new NodeCountStep(3),
            new ConfirmClusterStep(),
        ],
        executeSteps: [new CreateClusterStep(tree, operations)],
        showLoadingPrompt: true,
    });
    await promptWizard(wizardContext, wizard, title);
    await wizard.execute();

    const service = required(wizardContext.service, 'service');
    const id = clusterId(
        service.subscriptionId,
        required(wizardContext.resourceGroup, 'resourceGroup'),
        required(wizardContext.newClusterName, 'newClusterName'),
    );
    const azCommand = toShellScript(
        clusterCreateCommands(
            service.subscriptionId,
            newCluster(wizardContext),
            !!wizardContext.newResourceGroup,
            wizardContext.sshKeyFile,
        ),
        azShell(),
    );
    if (wizardContext.finished) {
        reached('snapshotUsed');
    }
    return endFlow(tree, { id: wizardContext.cluster?.id ?? id, azCommand }, wizardContext, () =>
        vscode.l10n.t(
            'Created cluster "{0}" in {1}; its system pool "{2}" comes from snapshot "{3}".',
            required(wizardContext.newClusterName, 'newClusterName'),
            required(wizardContext.location, 'location'),
            required(wizardContext.poolName, 'poolName'),
            snapshot.name,
        ),
    );
}
