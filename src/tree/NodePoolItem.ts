import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { NodePool } from '../model/aks';
import { parseArmId } from '../model/armId';
import { isTerminalState } from '../model/provisioning';
import type { AksTreeElement } from './AksTreeElement';
import type { ClusterItem } from './ClusterItem';
import { mediaIcon } from './icons';
import { tooltipTable } from './tooltip';

/** Marks a pool that keeps a snapshot's node image (R7). */
export const SNAPSHOT_MARKER = '◆';

export class NodePoolItem implements AksTreeElement {
    static readonly contextValue = 'aksNodePool';
    readonly id: string;

    constructor(readonly pool: NodePool, readonly parent: ClusterItem) {
        this.id = pool.id;
    }

    /** The snapshot's name, when the pool was created or upgraded from one. */
    get snapshotName(): string | undefined {
        return this.pool.snapshotId ? parseArmId(this.pool.snapshotId)?.name ?? this.pool.snapshotId : undefined;
    }

    getTreeItem(): vscode.TreeItem {
        const p = this.pool;
        const busy = !isTerminalState(p.provisioningState);
        const failed = p.provisioningState?.toLowerCase() === 'failed';
        const description = [
            busy || failed ? p.provisioningState : undefined,
            p.mode,
            p.osSku ?? p.osType,
            p.vmSize,
            p.nodeImageVersion,
            this.snapshotName ? `${SNAPSHOT_MARKER} ${this.snapshotName}` : undefined,
        ].filter(Boolean).join(' · ');
        return {
            id: this.id,
            label: p.name,
            description,
            tooltip: this.tooltip(),
            iconPath: busy ? new vscode.ThemeIcon('loading~spin')
                : failed ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
                : mediaIcon('nodePool'),
            contextValue: createContextValue([
                NodePoolItem.contextValue,
                busy ? 'aksBusy' : 'aksReady',
                ...(this.snapshotName ? ['aksSnapshotLinked'] : []),
            ]),
            collapsibleState: vscode.TreeItemCollapsibleState.None,
        };
    }

    private tooltip(): vscode.MarkdownString {
        const p = this.pool;
        const rows: [string, string | undefined][] = [
            [vscode.l10n.t('Mode'), p.mode],
            [vscode.l10n.t('State'), p.provisioningState],
            [vscode.l10n.t('Power'), p.powerState],
            [vscode.l10n.t('Kubernetes version'), p.kubernetesVersion],
            [vscode.l10n.t('Node image'), p.nodeImageVersion],
            [vscode.l10n.t('OS'), p.osSku ? `${p.osType} (${p.osSku})` : p.osType],
            [vscode.l10n.t('VM size'), p.vmSize],
            [vscode.l10n.t('Nodes'), p.count?.toString()],
            [vscode.l10n.t('Pool type'), p.poolType],
            [vscode.l10n.t('FIPS'), p.enableFips === undefined ? undefined : p.enableFips ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled')],
            [vscode.l10n.t('Snapshot'), this.snapshotName ? vscode.l10n.t('{0} (keeps its node image when scaled)', this.snapshotName) : vscode.l10n.t('none')],
        ];
        return tooltipTable(`**${p.name}** · ${this.parent.cluster.name}`, rows);
    }
}
