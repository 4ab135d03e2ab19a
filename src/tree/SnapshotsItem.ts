import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Snapshot } from '../model/aks';
import { snapshotUsageIndex } from '../model/drift';
import { inTurns } from '../model/inTurns';
import type { AksTreeElement } from './AksTreeElement';
import { mediaIcon } from './icons';
import { SnapshotItem } from './SnapshotItem';
import type { TenantContents } from './TenantContents';

/** The snapshots of one subscription. */
export class SnapshotsItem implements AksTreeElement {
    static readonly contextValue = 'aksSnapshotGroup';
    readonly id: string;

    constructor(
        readonly snapshots: readonly Snapshot[],
        readonly parent: AksTreeElement,
        private readonly tenant: TenantContents,
    ) {
        this.id = `${parent.id}/snapshots`;
    }

    getTreeItem(): vscode.TreeItem {
        return {
            id: this.id,
            label: vscode.l10n.t('Snapshots'),
            description: String(this.snapshots.length),
            iconPath: mediaIcon('snapshot'),
            contextValue: createContextValue([SnapshotsItem.contextValue]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    /** Each snapshot with how many pools use it and how many drifted, counted over every subscription that can be read (R13). */
    async getChildren(): Promise<AksTreeElement[]> {
        const usageOf = snapshotUsageIndex(this.snapshots.length ? await this.tenant.everyCluster() : []);
        // AKS's latest image of each snapshot's family in its region, asked of a pool there (upgrade profiles, cached).
        const latest = await inTurns(this.snapshots, 4, (s) =>
            this.tenant.latestNodeImageOfFamily(s.nodeImageVersion, s.location, s.sourceResourceId),
        );
        return this.snapshots.map((s, i) => new SnapshotItem(s, this, usageOf(s), latest[i]));
    }
}
