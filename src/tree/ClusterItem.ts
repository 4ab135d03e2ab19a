import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Cluster } from '../model/aks';
import { isTerminalState } from '../model/provisioning';
import type { AksTreeElement } from './AksTreeElement';
import { mediaIcon } from './icons';
import { NodePoolItem } from './NodePoolItem';
import { tooltipTable } from './tooltip';

/** A cluster; its pools come inline with the cluster list, so expanding it reads nothing more. */
export class ClusterItem implements AksTreeElement {
    static readonly contextValue = 'aksCluster';
    readonly id: string;

    constructor(readonly cluster: Cluster, readonly parent: AksTreeElement) {
        this.id = cluster.id;
    }

    getTreeItem(): vscode.TreeItem {
        const c = this.cluster;
        const busy = !isTerminalState(c.provisioningState);
        const tooltip = tooltipTable(`**${c.name}**`, [
            [vscode.l10n.t('Resource group'), c.resourceGroup],
            [vscode.l10n.t('Region'), c.location],
            [vscode.l10n.t('Kubernetes version'), c.kubernetesVersion],
            [vscode.l10n.t('State'), c.provisioningState ?? vscode.l10n.t('unknown')],
        ]);
        return {
            id: this.id,
            label: c.name,
            description: [busy ? c.provisioningState : undefined, c.kubernetesVersion, c.location].filter(Boolean).join(' · '),
            tooltip,
            iconPath: busy ? new vscode.ThemeIcon('loading~spin') : mediaIcon('cluster'),
            contextValue: createContextValue([ClusterItem.contextValue, busy ? 'aksBusy' : 'aksReady']),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    getChildren(): AksTreeElement[] {
        return this.cluster.nodePools.map((p) => new NodePoolItem(p, this));
    }
}
