import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';
import type { SnapshotUsage } from '../model/drift';
import type { LatestNodeImage } from '../model/versions';
import { latestImageWords } from '../messages/latestImageWords';
import type { AksTreeElement } from './AksTreeElement';
import { mediaIcon } from './icons';
import { tooltipTable } from './tooltip';
import { dateTimeWords } from '../messages/dateWords';

export class SnapshotItem implements AksTreeElement {
    static readonly contextValue = 'aksSnapshot';
    readonly id: string;

    /** `usage`: the pools using it, once known; `latest`: AKS's latest image of its family in its region, when a pool there was asked. */
    constructor(
        readonly snapshot: Snapshot,
        readonly parent: AksTreeElement,
        readonly usage?: SnapshotUsage,
        readonly latest?: LatestNodeImage,
    ) {
        this.id = snapshot.id;
    }

    getTreeItem(): vscode.TreeItem {
        const s = this.snapshot;
        return {
            id: this.id,
            label: s.name,
            description: [s.kubernetesVersion, s.nodeImageVersion, this.usageText()].filter(Boolean).join(' · '),
            accessibilityInformation: {
                label: [
                    vscode.l10n.t('Snapshot {0}', s.name),
                    vscode.l10n.t('Kubernetes {0}', s.kubernetesVersion),
                    vscode.l10n.t('node image {0}', s.nodeImageVersion),
                    this.usageText(),
                ]
                    .filter(Boolean)
                    .join(', '),
                role: 'treeitem',
            },
            tooltip: this.tooltip(),
            iconPath: mediaIcon('snapshot'),
            // aksLinux: Create Cluster is offered (a cluster's system pool cannot be Windows).
            contextValue: createContextValue([SnapshotItem.contextValue, ...(s.osType === 'Windows' ? [] : ['aksLinux'])]),
            collapsibleState: vscode.TreeItemCollapsibleState.None,
        };
    }

    private usageText(): string | undefined {
        const u = this.usage;
        if (!u) {
            return undefined;
        }
        const pools = u.pools === 1 ? vscode.l10n.t('1 pool') : vscode.l10n.t('{0} pools', u.pools);
        return u.drifted ? vscode.l10n.t('{0} ({1} drifted)', pools, u.drifted) : pools;
    }

    private tooltip(): vscode.MarkdownString {
        const s = this.snapshot;
        const source = s.sourceResourceId ? parseArmId(s.sourceResourceId) : undefined;
        const rows: [string, string | undefined][] = [
            [vscode.l10n.t('Source pool'), source?.agentPool ? `${source.name}/${source.agentPool}` : s.sourceResourceId],
            [vscode.l10n.t('Region'), s.location],
            [vscode.l10n.t('Resource group'), s.resourceGroup],
            [vscode.l10n.t('Kubernetes version'), s.kubernetesVersion],
            [vscode.l10n.t('Node image'), s.nodeImageVersion],
            [vscode.l10n.t('Latest of its family in {0}', s.location), latestImageWords(s.nodeImageVersion, this.latest)],
            [vscode.l10n.t('VM size'), s.vmSize],
            [vscode.l10n.t('OS'), s.osSku ? `${s.osType} (${s.osSku})` : s.osType],
            [vscode.l10n.t('Used by'), this.usageText()],
            [vscode.l10n.t('Created'), s.createdAt && `${dateTimeWords(s.createdAt, 'UTC')} UTC`],
        ];
        return tooltipTable(`**${s.name}**`, rows);
    }
}
