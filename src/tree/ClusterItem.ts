import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Cluster } from '../model/aks';
import { reimagingChannel } from '../model/channels';
import { snapshotPin } from '../model/drift';
import { azureNow } from '../azure/azureClock';
import { inTurns } from '../model/inTurns';
import { channelWindow } from '../model/maintenance';
import { isTerminalState } from '../model/provisioning';
import { busyProblem } from '../model/rules';
import type { AksTreeElement } from './AksTreeElement';
import { mediaIcon } from './icons';
import { stateWords } from './stateWords';
import { IN_OPERATION, NodePoolItem } from './NodePoolItem';
import type { TenantContents } from './TenantContents';
import { tooltipTable } from './tooltip';
import { reached } from '../walkthrough';

/** Upgrade profiles read at once when a cluster expands. */
const LATEST_IMAGE_READS_AT_ONCE = 4;

/**
 * A cluster; its pools come inline with the cluster list; expanding it reads each pool's upgrade profile (AKS's latest
 * node image for it), once for the tree's life.
 */
export class ClusterItem implements AksTreeElement {
    static readonly contextValue = 'aksCluster';
    readonly id: string;

    constructor(
        readonly cluster: Cluster,
        readonly parent: AksTreeElement,
        private readonly tenant: TenantContents,
    ) {
        this.id = cluster.id;
    }

    getTreeItem(): vscode.TreeItem {
        const c = this.cluster;
        const busy = !isTerminalState(c.provisioningState);
        const tooltip = tooltipTable(`**${c.name}**`, [
            [vscode.l10n.t('Resource group'), c.resourceGroup],
            [vscode.l10n.t('Region'), c.location],
            [vscode.l10n.t('Kubernetes version'), c.kubernetesVersion],
            [vscode.l10n.t('State'), c.provisioningState ? stateWords(c.provisioningState) : vscode.l10n.t('unknown')],
            [vscode.l10n.t('Node OS upgrade channel'), c.nodeOsUpgradeChannel ?? vscode.l10n.t('NodeImage (default)')],
            [vscode.l10n.t('Auto-upgrade channel'), c.upgradeChannel ?? 'none'],
        ]);
        const state = busy || /^(failed|canceled)$/i.test(c.provisioningState ?? '') ? stateWords(c.provisioningState ?? '?') : undefined;
        return {
            id: this.id,
            label: c.name,
            description: [state, c.kubernetesVersion, c.location].filter(Boolean).join(' · '),
            accessibilityInformation: {
                label: [vscode.l10n.t('Cluster {0}', c.name), state, vscode.l10n.t('Kubernetes {0}', c.kubernetesVersion), c.location]
                    .filter(Boolean)
                    .join(', '),
                role: 'treeitem',
            },
            tooltip,
            iconPath: busy ? new vscode.ThemeIcon('loading~spin') : mediaIcon('cluster'),
            // What its menu offers: aksReady (no operation runs and it is not stopped, R10) for Add Node Pool and Pin
            // Cluster; aksReimages (its channels move pools off their snapshots' images, R7) for Pin Cluster; IN_OPERATION
            // for Abort Operation.
            contextValue: createContextValue([
                ClusterItem.contextValue,
                ...(busyProblem('cluster', c.name, c.provisioningState, c.powerState).length ? [] : ['aksReady']),
                ...(reimagingChannel(c) ? ['aksReimages'] : []),
                ...(busy ? [IN_OPERATION] : []),
            ]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    /**
     * Pools, each with where it stands against its snapshot (R7: drifted, at risk); reading the snapshots of other subscriptions when
     * linked there.
     */
    async getChildren(): Promise<AksTreeElement[]> {
        const linked = this.cluster.nodePools.map((p) => p.snapshotId).filter((id) => id !== undefined);
        const index = linked.length ? await this.tenant.snapshotsFor(linked) : new Map<string, never>();
        // AKS's latest node image for each pool (its upgrade profile), a few at a time; one that cannot be read says so.
        // Where a channel re-images the pools, when it may next act (the cluster's maintenance configurations).
        const reimages = reimagingChannel(this.cluster);
        const [latest, maintenance] = await Promise.all([
            inTurns(this.cluster.nodePools, LATEST_IMAGE_READS_AT_ONCE, (p) => this.tenant.latestNodeImage(p)),
            reimages ? this.tenant.maintenanceOf(this.cluster) : undefined,
        ]);
        const window =
            reimages && maintenance
                ? 'unread' in maintenance
                    ? maintenance
                    : channelWindow(reimages.setting, maintenance, azureNow())
                : undefined;
        const behindDays = vscode.workspace.getConfiguration('aksSnapshots').get<number>('behindDays', 30);
        reached('poolsSeen');
        return this.cluster.nodePools.map(
            (p, i) => new NodePoolItem(p, this, snapshotPin(p, this.cluster, index), { latest: latest[i], behindDays, window }),
        );
    }
}
