import { createGenericElement, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../azure/AksServices';
import type { Cluster, NodePool, Snapshot } from '../model/aks';
import { parseArmId } from '../model/armId';
import { indexSnapshots } from '../model/drift';
import type { MaintenanceConfiguration } from '../model/maintenance';
import { LatestNodeImage, nodeImageFamily } from '../model/versions';
import type { AksTreeElement } from './AksTreeElement';
import { SnapshotsItem } from './SnapshotsItem';
import { FleetsItem } from './FleetItem';
import { type SubscriptionContents, SubscriptionItem } from './SubscriptionItem';
import type { TenantContents } from './TenantContents';
import { reached } from '../walkthrough';

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Subscriptions → clusters → node pools, and snapshots. Signed out, the root is empty and the view shows its
 * welcome content ("Sign in to Azure…").
 */
export class AksTreeDataProvider implements vscode.TreeDataProvider<AksTreeElement>, TenantContents {
    private readonly changed = new vscode.EventEmitter<AksTreeElement | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private roots: Promise<AksTreeElement[]> | undefined;
    private view: vscode.TreeView<AksTreeElement> | undefined;

    constructor(private readonly services: AksServices) {}

    /** The view that shows this tree, for `reveal`. */
    attach(view: vscode.TreeView<AksTreeElement>): void {
        this.view = view;
    }

    /** Every row has words for a screen reader: its own, or its label and description (no marks but words there). */
    getTreeItem(element: AksTreeElement): vscode.TreeItem | Thenable<vscode.TreeItem> {
        const item = element.getTreeItem();
        return 'then' in item ? item.then(withWords) : withWords(item);
    }

    async getChildren(element?: AksTreeElement): Promise<AksTreeElement[]> {
        if (element) {
            return ((await element.getChildren?.()) ?? []) as AksTreeElement[];
        }
        this.roots ??= this.loadRoots();
        return this.roots;
    }

    getParent(element: AksTreeElement): AksTreeElement | undefined {
        return element.parent;
    }

    /** Reloads one element from Azure, or the whole view. */
    refresh(element?: AksTreeElement): void {
        if (element) {
            // An element's data comes from its subscription's lists: reload those.
            let owner: AksTreeElement | undefined = element;
            while (owner && !owner.invalidate) {
                owner = owner.parent;
            }
            owner?.invalidate?.();
            // Which pools run a family may have changed with it.
            this.latestOfFamily.clear();
            this.changed.fire(owner);
        } else {
            this.services.reset();
            this.roots = undefined;
            this.latestImages.clear();
            this.latestOfFamily.clear();
            this.maintenance.clear();
            this.changed.fire(undefined);
        }
    }

    showAgain(element: AksTreeElement): void {
        this.changed.fire(element);
    }

    /** Reloads one subscription (after a change Azure made there) and waits until its lists are read. */
    async refreshSubscription(subscriptionId: string): Promise<void> {
        const item = (await this.getChildren()).find(
            (e): e is SubscriptionItem => e instanceof SubscriptionItem && sameId(e.subscription.subscriptionId, subscriptionId),
        );
        if (item) {
            item.invalidate();
            this.latestOfFamily.clear();
            this.changed.fire(item);
            await item.load().catch(() => undefined);
        }
    }

    /** Finds a cluster, pool or snapshot by its ARM id, loading what it must on the way. */
    async findElement(id: string): Promise<AksTreeElement | undefined> {
        let level: AksTreeElement[] = await this.getChildren();
        for (;;) {
            const exact = level.find((e) => sameId(e.id, id));
            if (exact) {
                return exact;
            }
            // Descend into the one element whose id leads to the wanted one (snapshots and fleets sit under their group).
            const next = level.find(
                (e) =>
                    id.toLowerCase().startsWith(`${e.id.toLowerCase()}/`) ||
                    (((e instanceof SnapshotsItem && /\/snapshots\//i.test(id)) || (e instanceof FleetsItem && /\/fleets\//i.test(id))) &&
                        id.toLowerCase().startsWith(`${e.parent.id.toLowerCase()}/`)),
            );
            if (!next) {
                return undefined;
            }
            // A subscription read whole first: one still loading shows only the clusters read so far.
            if (next instanceof SubscriptionItem) {
                await next.load().catch(() => undefined);
            }
            level = await this.getChildren(next);
        }
    }

    async snapshotsFor(ids: readonly string[]): Promise<ReadonlyMap<string, Snapshot>> {
        const subscriptions = new Set(ids.map((id) => parseArmId(id)?.subscriptionId.toLowerCase()).filter((s) => s !== undefined));
        const found = new Map<string, Snapshot>();
        if (subscriptions.size === 0) {
            return found;
        }
        for (const contents of await this.readableSubscriptions((s) => subscriptions.has(s.toLowerCase()))) {
            // Indexed once per list read: each cluster then looks its pools' snapshots up, not through every snapshot.
            let index = this.snapshotIndexes.get(contents.snapshots);
            if (!index) {
                index = indexSnapshots(contents.snapshots);
                this.snapshotIndexes.set(contents.snapshots, index);
            }
            for (const id of ids) {
                const snapshot = index.get(id.toLowerCase());
                if (snapshot) {
                    found.set(id.toLowerCase(), snapshot);
                }
            }
        }
        return found;
    }

    private readonly snapshotIndexes = new WeakMap<readonly Snapshot[], ReadonlyMap<string, Snapshot>>();
    /** Each pool's latest node image, by lower-case pool id, for the tree's life (a full refresh reads again). */
    private readonly latestImages = new Map<string, Promise<LatestNodeImage>>();

    latestNodeImage(pool: NodePool): Promise<LatestNodeImage> {
        return readOnce(this.latestImages, pool.id, async () => {
            const service = await this.services.forSubscription(parseArmId(pool.id)?.subscriptionId ?? '');
            const latest = (await service.poolUpgradeProfile(pool.id)).latestNodeImageVersion;
            return latest ? { latest } : { unread: vscode.l10n.t('AKS gave none') };
        });
    }

    /** Each cluster's maintenance configurations, by lower-case cluster id, for the tree's life. */
    private readonly maintenance = new Map<string, Promise<readonly MaintenanceConfiguration[] | { readonly unread: string }>>();

    maintenanceOf(cluster: Cluster): Promise<readonly MaintenanceConfiguration[] | { readonly unread: string }> {
        return readOnce(this.maintenance, cluster.id, async () =>
            (await this.services.forSubscription(cluster.subscriptionId)).listMaintenanceConfigurations(cluster.id),
        );
    }

    /** AKS's latest image of each family in each region, by "family|region", for the tree's life: one read for every snapshot of it. */
    private readonly latestOfFamily = new Map<string, Promise<LatestNodeImage | undefined>>();

    latestNodeImageOfFamily(image: string, location: string, preferPoolId?: string): Promise<LatestNodeImage | undefined> {
        const family = nodeImageFamily(image);
        const key = `${family}|${location.toLowerCase()}`;
        let latest = this.latestOfFamily.get(key);
        if (!latest) {
            latest = (async () => {
                const pools = (await this.everyCluster())
                    .filter((c) => c.location.toLowerCase() === location.toLowerCase())
                    .flatMap((c) => c.nodePools)
                    .filter((p) => p.nodeImageVersion && nodeImageFamily(p.nodeImageVersion) === family);
                const asked = pools.find((p) => preferPoolId && sameId(p.id, preferPoolId)) ?? pools[0];
                return asked ? this.latestNodeImage(asked) : undefined;
            })();
            this.latestOfFamily.set(key, latest);
        }
        return latest;
    }

    async everyCluster(): Promise<Cluster[]> {
        return (await this.readableSubscriptions()).flatMap((contents) => contents.clusters);
    }

    /**
     * The lists of every subscription shown (or those `wanted`), each read once; one that cannot be read is left out, as its node shows
     * why.
     */
    private async readableSubscriptions(wanted: (subscriptionId: string) => boolean = () => true): Promise<SubscriptionContents[]> {
        const items = (await this.getChildren()).filter(
            (e): e is SubscriptionItem => e instanceof SubscriptionItem && wanted(e.subscription.subscriptionId),
        );
        const loaded = await Promise.allSettled(items.map((item) => item.load()));
        return loaded.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    }

    /**
     * Shows an element selected in the view. A refresh that lands meanwhile replaces the element VS Code was asked to
     * show ("Cannot resolve tree item"): it is found again once; the selection is a courtesy, never a flow's failure.
     */
    async reveal(id: string): Promise<boolean> {
        for (let attempt = 0; attempt < 2; attempt++) {
            const element = await this.findElement(id);
            if (!element || !this.view) {
                return !!element;
            }
            try {
                await this.view.reveal(element, { select: true, focus: false, expand: false });
                return true;
            } catch {
                // Replaced by a refresh: look it up again.
            }
        }
        return false;
    }

    /**
     * Whether the account is signed in, also as the context key `aksSnapshots.signedIn` (the welcome view and the
     * walkthrough's first step read it): asked when the roots load, at activation and after Sign In, one check at a time.
     */
    checkSignedIn(): Promise<boolean> {
        this.signedInCheck ??= (async () => {
            try {
                const signedIn = await this.services.account.isSignedIn();
                await vscode.commands.executeCommand('setContext', 'aksSnapshots.signedIn', signedIn);
                if (signedIn) {
                    reached('signedIn');
                }
                return signedIn;
            } finally {
                this.signedInCheck = undefined;
            }
        })();
        return this.signedInCheck;
    }

    private signedInCheck?: Promise<boolean>;

    private async loadRoots(): Promise<AksTreeElement[]> {
        try {
            const signedIn = await this.checkSignedIn();
            if (!signedIn) {
                return [];
            }
            const [sessions, tenantsToSignIn] = await Promise.all([this.services.listSessions(), this.services.tenantsToSignIn()]);
            const signInItems = tenantsToSignIn.map((t) => this.tenantSignIn(t.tenantId, t.name, t.account.label));
            if (sessions.length === 0) {
                return [this.message('noSubscriptions', vscode.l10n.t('No subscriptions'), 'info'), ...signInItems];
            }
            return [...sessions.map((s) => new SubscriptionItem(s.subscription, this.services, this, s.account?.label)), ...signInItems];
        } catch (error) {
            this.roots = undefined;
            const parsed = parseError(error);
            return [this.message('error', vscode.l10n.t('Could not list subscriptions: {0}', parsed.message), 'error')];
        }
    }

    /** A tenant that needs a sign-in of its own: a click signs in to it, and its subscriptions load. */
    private tenantSignIn(tenantId: string, name: string, account: string): AksTreeElement {
        const id = `aksSnapshots/signInToTenant/${account}/${tenantId}`;
        const item = createGenericElement({
            id,
            label: vscode.l10n.t('Sign in to {0}…', name),
            // With whose account (a person may be signed in with several).
            description: account,
            tooltip: vscode.l10n.t(
                'Tenant {0} ({1}) needs a sign-in of its own (multi-factor authentication, or a directory you are a guest in) before its subscriptions can be listed.',
                name,
                tenantId,
            ),
            iconPath: new vscode.ThemeIcon('sign-in'),
            contextValue: '',
            commandId: 'aksSnapshots.signInToTenant',
            commandArgs: [tenantId, account],
        });
        return { ...item, id };
    }

    private message(id: string, label: string, icon: string): AksTreeElement {
        const item = createGenericElement({
            id: `aksSnapshots/${id}`,
            label,
            iconPath: new vscode.ThemeIcon(icon),
            // No menu: a message has no action but its own (the error's Refresh).
            contextValue: '',
            commandId: icon === 'error' ? 'aksSnapshots.refresh' : undefined,
            commandArgs: [],
        });
        return { ...item, id: `aksSnapshots/${id}` };
    }
}

/** A read kept by lower-case resource id for the tree's life; a failure is kept as why (`unread`), never a rejection. */
function readOnce<T>(
    cache: Map<string, Promise<T | { readonly unread: string }>>,
    id: string,
    read: () => Promise<T | { readonly unread: string }>,
): Promise<T | { readonly unread: string }> {
    const key = id.toLowerCase();
    let kept = cache.get(key);
    if (!kept) {
        kept = read().catch((error: unknown) => ({ unread: parseError(error).message }));
        cache.set(key, kept);
    }
    return kept;
}

/** A row's words for a screen reader, where it has none of its own: its label and description. */
function withWords(item: vscode.TreeItem): vscode.TreeItem {
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    if (!item.accessibilityInformation && label) {
        item.accessibilityInformation = {
            label: [label, typeof item.description === 'string' ? item.description : undefined].filter(Boolean).join(', '),
            role: 'treeitem',
        };
    }
    return item;
}
