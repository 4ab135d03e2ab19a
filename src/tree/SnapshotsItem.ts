import { createContextValue } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Snapshot } from '../model/aks';
import type { AksTreeElement } from './AksTreeElement';
import { mediaIcon } from './icons';
import { SnapshotItem } from './SnapshotItem';

/** The snapshots of one subscription. */
export class SnapshotsItem implements AksTreeElement {
    static readonly contextValue = 'aksSnapshotGroup';
    readonly id: string;

    constructor(readonly snapshots: readonly Snapshot[], readonly parent: AksTreeElement) {
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

    getChildren(): AksTreeElement[] {
        return this.snapshots.map((s) => new SnapshotItem(s, this));
    }
}
