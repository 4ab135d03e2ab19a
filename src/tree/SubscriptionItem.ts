import { createContextValue, createGenericElement, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../azure/AksServices';
import type { Cluster, Snapshot, Subscription } from '../model/aks';
import type { AksTreeElement } from './AksTreeElement';
import { ClusterItem } from './ClusterItem';
import { SnapshotsItem } from './SnapshotsItem';
import type { TenantContents } from './TenantContents';

export interface SubscriptionContents {
    readonly clusters: Cluster[];
    readonly snapshots: Snapshot[];
}

/** A subscription: its clusters, then its snapshots. Both lists load in parallel, once, until refreshed. */
export class SubscriptionItem implements AksTreeElement {
    static readonly contextValue = 'aksSubscription';
    readonly id: string;
    private contents: Promise<SubscriptionContents> | undefined;

    /** `account`: the VS Code account it is reached through (each subscription shows once, under the first account by name). */
    constructor(
        readonly subscription: Subscription,
        private readonly services: AksServices,
        readonly tenant: TenantContents,
        readonly account?: string,
    ) {
        this.id = `/subscriptions/${subscription.subscriptionId}`;
    }

    getTreeItem(): vscode.TreeItem {
        return {
            id: this.id,
            label: this.subscription.name,
            tooltip: this.account
                ? vscode.l10n.t(
                      'Subscription {0}\nTenant {1}\nAccount {2}',
                      this.subscription.subscriptionId,
                      this.subscription.tenantId,
                      this.account,
                  )
                : vscode.l10n.t('Subscription {0}\nTenant {1}', this.subscription.subscriptionId, this.subscription.tenantId),
            iconPath: new vscode.ThemeIcon('key'),
            contextValue: createContextValue([SubscriptionItem.contextValue]),
            collapsibleState: vscode.TreeItemCollapsibleState.Collapsed,
        };
    }

    async getChildren(): Promise<AksTreeElement[]> {
        try {
            const { clusters, snapshots } = await this.load();
            return [...clusters.map((c) => new ClusterItem(c, this, this.tenant)), new SnapshotsItem(snapshots, this, this.tenant)];
        } catch (error) {
            this.contents = undefined;
            return [this.errorItem(error)];
        }
    }

    load(): Promise<SubscriptionContents> {
        this.contents ??= this.services.forSubscription(this.subscription.subscriptionId).then(async (service) => {
            const [clusters, snapshots] = await Promise.all([service.listClusters(), service.listSnapshots()]);
            return { clusters, snapshots };
        });
        return this.contents;
    }

    invalidate(): void {
        this.contents = undefined;
    }

    /** One subscription failing must not hide the others: it shows its error, and a click retries. */
    private errorItem(error: unknown): AksTreeElement {
        const parsed = parseError(error);
        const message = parsed.errorType && parsed.errorType !== 'Error' ? `${parsed.errorType}: ${parsed.message}` : parsed.message;
        const item = createGenericElement({
            id: `${this.id}/loadError`,
            label: vscode.l10n.t('Could not load this subscription'),
            description: message,
            iconPath: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
            contextValue: createContextValue(['aksLoadError']),
            tooltip: message,
            commandId: 'aksSnapshots.refresh',
            commandArgs: [this],
        });
        return { ...item, id: `${this.id}/loadError`, parent: this };
    }
}
