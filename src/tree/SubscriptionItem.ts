import { createContextValue, createGenericElement, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../azure/AksServices';
import type { Cluster, Snapshot, Subscription } from '../model/aks';
import type { Fleet } from '../model/fleet';
import type { AksTreeElement } from './AksTreeElement';
import { ClusterItem } from './ClusterItem';
import { FleetContents, FleetsItem } from './FleetItem';
import { loadErrorItem, errorText } from './loadErrorItem';
import { SnapshotsItem } from './SnapshotsItem';
import type { TenantContents } from './TenantContents';

export interface SubscriptionContents {
    readonly clusters: Cluster[];
    readonly snapshots: Snapshot[];
    /** Its Fleet Manager fleets, or why they could not be read (the clusters and snapshots still show). */
    readonly fleets: Fleet[] | { readonly unread: string };
}

/** A subscription: its clusters, its snapshots, and its fleets where it has some; read once, until refreshed. */
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

    /**
     * Its clusters, then its snapshots, once read. A big subscription (a first page of `BIG_PAGE` clusters or more,
     * or either list's second page in: a list that fits one page ends with a second, empty, one) asks the view to show
     * it again as soon as it turns out big, and from then on shows its clusters as their pages arrive, with a row that
     * says what is still loading, with a spinner, until the whole is read. A small one shows once, whole.
     */
    async getChildren(): Promise<AksTreeElement[]> {
        const contents = this.load();
        const loading = this.loading;
        if (loading?.big && !loading.done) {
            const sorted = [...loading.clusters].sort((a, b) => a.name.localeCompare(b.name));
            return [...sorted.map((c) => new ClusterItem(c, this, this.tenant)), this.loadingItem(loading)];
        }
        try {
            const { clusters, snapshots, fleets } = await contents;
            return [
                ...clusters.map((c) => new ClusterItem(c, this, this.tenant)),
                new SnapshotsItem(snapshots, this, this.tenant),
                ...this.fleetsItem(fleets),
            ];
        } catch (error) {
            this.contents = undefined;
            return [this.errorItem(error)];
        }
    }

    /** While the lists load: the clusters read so far, and what is done. */
    private loading: Loading | undefined;

    load(): Promise<SubscriptionContents> {
        if (!this.contents) {
            // Once it turns out big, the view is asked to show it again: the rows read so far, then each page.
            const loading = new Loading(() => this.loading === loading && this.tenant.showAgain(this));
            const contents = this.services.forSubscription(this.subscription.subscriptionId).then(async (service) => {
                // Fleets are asked once the first clusters are in: they do not hold up the rows a person waits for.
                let clustersBegun = (): void => undefined;
                const fleetsRead = new Promise<void>((resolve) => (clustersBegun = resolve)).then(() =>
                    service.listFleets().catch(fleetsUnread),
                );
                const clustersRead = service
                    .listClusters((page) => {
                        clustersBegun();
                        loading.addClusters(page);
                        // Each page grows the rows already shown (a load a refresh replaced shows nothing).
                        if (loading.shown && this.loading === loading) {
                            this.tenant.showAgain(this);
                        }
                    })
                    .finally(() => {
                        clustersBegun();
                        loading.clustersDone = true;
                    });
                const [clusters, snapshots, fleets] = await Promise.all([
                    clustersRead,
                    service.listSnapshots(() => loading.addSnapshotPage()),
                    fleetsRead,
                ]);
                return { clusters, snapshots, fleets };
            });
            const settled = (): void => {
                loading.done = true;
                // Rows shown from the first pages give way to the whole list (or to the error).
                if (loading.shown && this.loading === loading) {
                    this.tenant.showAgain(this);
                }
            };
            contents.then(settled, settled);
            this.contents = contents;
            this.loading = loading;
        }
        return this.contents;
    }

    invalidate(): void {
        this.contents = undefined;
        this.loading = undefined;
    }

    /** Its fleets, where it has some (a subscription without Fleet Manager shows no such row), or why they could not be read. */
    private fleetsItem(fleets: SubscriptionContents['fleets']): AksTreeElement[] {
        if (!Array.isArray(fleets)) {
            return [loadErrorItem(`${this.id}/fleets/loadError`, this, vscode.l10n.t('Could not read fleets'), fleets.unread)];
        }
        const read = async (fleet: Fleet): Promise<FleetContents> => {
            const service = await this.services.forSubscription(fleet.subscriptionId);
            const [members, runs] = await Promise.all([service.listFleetMembers(fleet.id), service.listUpdateRuns(fleet.id)]);
            return { members, runs };
        };
        return fleets.length ? [new FleetsItem(fleets, this, read)] : [];
    }

    /** The row under the clusters shown while the rest is read. */
    private loadingItem(loading: Loading): AksTreeElement {
        loading.shown = true;
        const item = createGenericElement({
            id: `${this.id}/loading`,
            label: loading.clustersDone
                ? vscode.l10n.t('Loading snapshots…')
                : vscode.l10n.t('Loading more clusters… ({0} so far)', loading.clusters.length),
            iconPath: new vscode.ThemeIcon('loading~spin'),
            contextValue: '',
        });
        return { ...item, id: `${this.id}/loading`, parent: this };
    }

    /** One subscription failing must not hide the others: it shows its error, and a click retries. */
    private errorItem(error: unknown): AksTreeElement {
        return loadErrorItem(`${this.id}/loadError`, this, vscode.l10n.t('Could not load this subscription'), errorText(error));
    }
}

/**
 * A fleets list that could not be read: none, where the subscription has never registered Fleet Manager's provider or
 * its cloud has none; else the reason, shown in its own row.
 */
function fleetsUnread(error: unknown): Fleet[] | { unread: string } {
    const parsed = parseError(error);
    if (/^(MissingSubscriptionRegistration|InvalidResourceType|NoRegisteredProviderFound)$/i.test(parsed.errorType)) {
        return [];
    }
    return { unread: errorText(error) };
}

/** A first page of this many clusters or more is shown at once: the subscription is big (ARM pages lists by a hundred or so). */
const BIG_PAGE = 50;

/** A subscription's lists as they load. */
class Loading {
    readonly clusters: Cluster[] = [];
    clustersDone = false;
    /** Everything read (or failed). */
    done = false;
    /** A big first page of clusters, or either list's second non-empty page, arrived: the subscription shows as it loads. */
    big = false;
    /** Rows were shown before the whole was read (so they grow with each page, and the whole is shown once read). */
    shown = false;
    private clusterPages = 0;
    private snapshotPages = 0;

    constructor(private readonly turnedBig: () => void) {}

    addClusters(page: readonly Cluster[]): void {
        this.clusters.push(...page);
        if (++this.clusterPages >= 2 || page.length >= BIG_PAGE) {
            this.isBig();
        }
    }

    addSnapshotPage(): void {
        if (++this.snapshotPages >= 2) {
            this.isBig();
        }
    }

    private isBig(): void {
        if (!this.big) {
            this.big = true;
            this.turnedBig();
        }
    }
}
