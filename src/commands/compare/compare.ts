import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NodePool, Snapshot } from '../../model/aks';
import { isSameArmId } from '../../model/armId';
import type { VmSizeFacts } from '../../model/vmSize';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { NodePoolItem } from '../../tree/NodePoolItem';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { unreadableSubscriptions } from '../common/unreadableSubscriptions';
import { pickTreeElement } from '../pickTreeElement';
import { comparisonDocument } from './comparisonDocument';
import type { ReadOnlyDocuments } from '../common/ReadOnlyDocuments';

/** What was opened: the two documents' text, snapshot first. */
export interface Comparison {
    readonly snapshot: string;
    readonly pool: string;
}

/** Right-click a node pool → Compare with Snapshot…: the snapshot it links to is offered first. */
export async function compareWithSnapshot(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    documents: ReadOnlyDocuments,
    node?: NodePoolItem,
): Promise<Comparison> {
    const item = await pickTreeElement(
        context,
        tree,
        [NodePoolItem.contextValue],
        node,
        vscode.l10n.t('Compare with Snapshot: the node pool to compare'),
    );
    const { items: snapshots, failures } = await services.fromEverySubscription((s) => s.listSnapshots());
    const linked = (s: Snapshot): boolean => isSameArmId(s.id, item.pool.snapshotId);
    const picks: IAzureQuickPickItem<Snapshot>[] = [...snapshots.filter(linked), ...snapshots.filter((s) => !linked(s))].map((s) => ({
        label: s.name,
        description: [linked(s) ? vscode.l10n.t('linked') : undefined, s.kubernetesVersion, s.nodeImageVersion, s.vmSize]
            .filter(Boolean)
            .join(' · '),
        data: s,
    }));
    if (picks.length === 0) {
        throw new Error(vscode.l10n.t('No snapshot to compare with.') + unreadableSubscriptions(failures));
    }
    const snapshot = (
        await context.ui.showQuickPick(picks, {
            placeHolder: vscode.l10n.t('Compare node pool "{0}" with which snapshot?', item.pool.name) + unreadableSubscriptions(failures),
            stepName: 'compareSnapshot',
            suppressPersistence: true,
        })
    ).data;
    return openComparison(services, tree, documents, snapshot, item.pool, item.parent.cluster);
}

/** Right-click a snapshot → Compare with Pool…: the pools made from it are offered first. */
export async function compareWithPool(
    context: IActionContext,
    services: AksServices,
    tree: AksTreeDataProvider,
    documents: ReadOnlyDocuments,
    node?: SnapshotItem,
): Promise<Comparison> {
    const { snapshot } = await pickTreeElement(
        context,
        tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Compare with Pool: the snapshot to compare'),
    );
    const { items: clusters, failures } = await services.fromEverySubscription((s) => s.listClusters());
    const pools = clusters.flatMap((cluster) => cluster.nodePools.map((pool) => ({ cluster, pool })));
    const uses = (p: { pool: NodePool }): boolean => isSameArmId(p.pool.snapshotId, snapshot.id);
    const picks: IAzureQuickPickItem<{ cluster: Cluster; pool: NodePool }>[] = [
        ...pools.filter(uses),
        ...pools.filter((p) => !uses(p)),
    ].map((p) => ({
        label: p.pool.name,
        description: [uses(p) ? vscode.l10n.t('uses it') : undefined, p.cluster.name, p.pool.kubernetesVersion, p.pool.nodeImageVersion]
            .filter(Boolean)
            .join(' · '),
        data: p,
    }));
    if (picks.length === 0) {
        throw new Error(vscode.l10n.t('No node pool to compare with.') + unreadableSubscriptions(failures));
    }
    const picked = (
        await context.ui.showQuickPick(picks, {
            placeHolder: vscode.l10n.t('Compare snapshot "{0}" with which node pool?', snapshot.name) + unreadableSubscriptions(failures),
            stepName: 'comparePool',
            suppressPersistence: true,
        })
    ).data;
    return openComparison(services, tree, documents, snapshot, picked.pool, picked.cluster);
}

/** Opens VS Code's diff editor: the snapshot on the left, the pool on the right. */
async function openComparison(
    services: AksServices,
    tree: AksTreeDataProvider,
    documents: ReadOnlyDocuments,
    snapshot: Snapshot,
    pool: NodePool,
    cluster: Cluster,
): Promise<Comparison> {
    const [snapshotSizes, poolSizes, snapshotLatest, poolLatest] = await Promise.all([
        sizesIn(services, snapshot.subscriptionId, snapshot.location),
        sizesIn(services, cluster.subscriptionId, cluster.location),
        tree.latestNodeImageOfFamily(snapshot.nodeImageVersion, snapshot.location, snapshot.sourceResourceId),
        tree.latestNodeImage(pool),
    ]);
    const text: Comparison = {
        snapshot: comparisonDocument({ kind: 'snapshot', snapshot, sizes: snapshotSizes, latest: snapshotLatest }),
        pool: comparisonDocument({ kind: 'pool', pool, cluster, sizes: poolSizes, latest: poolLatest }),
    };
    const left = documents.add(`${snapshot.name}.txt`, text.snapshot);
    const right = documents.add(`${cluster.name}-${pool.name}.txt`, text.pool);
    await vscode.commands.executeCommand(
        'vscode.diff',
        left,
        right,
        vscode.l10n.t('Snapshot "{0}" ↔ Node pool "{1}" ({2})', snapshot.name, pool.name, cluster.name),
        { preview: true },
    );
    return text;
}

/** The region's VM sizes from Azure; undefined (values then read from names, and said so) when they cannot be read. */
async function sizesIn(services: AksServices, subscriptionId: string, location: string): Promise<VmSizeFacts[] | undefined> {
    try {
        return await (await services.forSubscription(subscriptionId)).listVmSizes(location);
    } catch {
        return undefined;
    }
}
