import { registerCommand } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';
import type { AksServices } from '../azure/AksServices';
import type { AksTreeDataProvider } from '../tree/AksTreeDataProvider';
import type { AksTreeElement } from '../tree/AksTreeElement';
import type { ClusterItem } from '../tree/ClusterItem';
import type { NodePoolItem } from '../tree/NodePoolItem';
import type { SnapshotItem } from '../tree/SnapshotItem';
import { addNodePool } from './addNodePool/addNodePool';
import { compareWithPool, compareWithSnapshot } from './compare/compare';
import { ReadOnlyDocuments } from './common/ReadOnlyDocuments';
import type { RunningOperations } from './common/runningOperations';
import { copyResourceId } from './copyResourceId/copyResourceId';
import { createCluster } from './createCluster/createCluster';
import { createSnapshot } from './createSnapshot/createSnapshot';
import { deleteSnapshot } from './deleteSnapshot/deleteSnapshot';
import { editSnapshotTags } from './editSnapshotTags/editSnapshotTags';
import { openInPortal } from './openInPortal/openInPortal';
import { pinCluster } from './pinCluster/pinCluster';
import { rollBackPool } from './rollBackPool/rollBackPool';
import { abortOperation } from './abortOperation/abortOperation';
import { resumeRollout } from './rollOutSnapshot/resumeRollout';
import { retryFailedPools } from './rollOutSnapshot/retryFailedPools';
import { RolloutServices, rollOutSnapshot } from './rollOutSnapshot/rollOutSnapshot';
import type { RolloutStore } from './rollOutSnapshot/RolloutStore';
import { refresh } from './refresh/refresh';
import { followRun, skipInRun, startRun, stopRun } from './changeUpdateRun/changeUpdateRun';
import type { UpdateRunItem } from '../tree/FleetItem';
import { reportIssue } from './reportIssue/reportIssue';
import { showProperties } from './showProperties/showProperties';
import { showSnapshotUsers } from './showSnapshotUsers/showSnapshotUsers';
import { selectSubscriptions } from './selectSubscriptions/selectSubscriptions';
import { signIn } from './signIn/signIn';
import { signInToTenant } from './signInToTenant/signInToTenant';
import { upgradeToSnapshot } from './upgradeToSnapshot/upgradeToSnapshot';

/** Every command of the product, registered in one place. */
export function registerCommands(
    services: AksServices,
    tree: AksTreeDataProvider,
    operations: RunningOperations,
    store: RolloutStore,
): vscode.Disposable[] {
    const documents = new ReadOnlyDocuments();
    const rollouts: RolloutServices = { services, tree, operations, store, documents };
    // Account and view
    registerCommand('aksSnapshots.signIn', (context) => signIn(context, services, tree));
    registerCommand('aksSnapshots.refresh', (context, node?: AksTreeElement) => refresh(context, tree, node));
    registerCommand('aksSnapshots.selectSubscriptions', (context) => selectSubscriptions(context, services));
    registerCommand('aksSnapshots.signInToTenant', (context, tenantId?: unknown, accountLabel?: unknown) =>
        signInToTenant(
            context,
            services,
            tree,
            typeof tenantId === 'string' ? tenantId : undefined,
            typeof accountLabel === 'string' ? accountLabel : undefined,
        ),
    );

    // Snapshot workflows
    registerCommand('aksSnapshots.createSnapshot', (context, node?: NodePoolItem) =>
        createSnapshot(context, services, tree, operations, node),
    );
    registerCommand('aksSnapshots.addNodePool', (context, node?: SnapshotItem | ClusterItem) =>
        addNodePool(context, services, tree, operations, node),
    );
    registerCommand('aksSnapshots.pinCluster', (context, node?: ClusterItem) => pinCluster(context, services, tree, operations, node));
    registerCommand('aksSnapshots.upgradeToSnapshot', (context, node?: NodePoolItem) =>
        upgradeToSnapshot(context, services, tree, operations, node),
    );
    registerCommand('aksSnapshots.rollOutSnapshot', (context, node?: SnapshotItem) => rollOutSnapshot(context, rollouts, node));
    // Fleet Manager's update runs
    registerCommand('aksSnapshots.followUpdateRun', (context, node?: UpdateRunItem) => followRun(context, rollouts, node));
    registerCommand('aksSnapshots.startUpdateRun', (context, node?: UpdateRunItem) => startRun(context, rollouts, node));
    registerCommand('aksSnapshots.stopUpdateRun', (context, node?: UpdateRunItem) => stopRun(context, rollouts, node));
    registerCommand('aksSnapshots.skipInUpdateRun', (context, node?: UpdateRunItem) => skipInRun(context, rollouts, node));
    registerCommand('aksSnapshots.resumeRollout', (context, id?: string) =>
        resumeRollout(context, rollouts, typeof id === 'string' ? id : undefined),
    );
    registerCommand('aksSnapshots.retryFailedPools', (context, id?: string) =>
        retryFailedPools(context, rollouts, typeof id === 'string' ? id : undefined),
    );
    registerCommand('aksSnapshots.createCluster', (context, node?: SnapshotItem) =>
        createCluster(context, services, tree, operations, node),
    );

    // A pool's life after an upgrade
    registerCommand('aksSnapshots.rollBackPool', (context, node?: NodePoolItem) => rollBackPool(context, services, tree, operations, node));
    registerCommand('aksSnapshots.abortOperation', (context, node?: NodePoolItem | ClusterItem) =>
        abortOperation(context, services, tree, operations, node),
    );

    // Managing snapshots
    registerCommand('aksSnapshots.editSnapshotTags', (context, node?: SnapshotItem) =>
        editSnapshotTags(context, services, tree, operations, node),
    );
    registerCommand('aksSnapshots.deleteSnapshot', (context, node?: SnapshotItem) =>
        deleteSnapshot(context, services, tree, operations, node),
    );
    registerCommand('aksSnapshots.showSnapshotUsers', (context, node?: SnapshotItem) => showSnapshotUsers(context, services, tree, node));
    registerCommand('aksSnapshots.compareWithSnapshot', (context, node?: NodePoolItem) =>
        compareWithSnapshot(context, services, tree, documents, node),
    );
    registerCommand('aksSnapshots.compareWithPool', (context, node?: SnapshotItem) =>
        compareWithPool(context, services, tree, documents, node),
    );

    // Any resource
    registerCommand('aksSnapshots.copyResourceId', (context, node?: AksTreeElement) => copyResourceId(context, tree, node));
    registerCommand('aksSnapshots.showProperties', (context, node?: AksTreeElement) => showProperties(context, services, tree, node));
    registerCommand('aksSnapshots.openInPortal', (context, node?: AksTreeElement) => openInPortal(context, services, tree, node));

    // Support
    registerCommand('aksSnapshots.reportIssue', (context) => reportIssue(context, services));
    return [documents.register()];
}
