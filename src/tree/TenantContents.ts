import type { Cluster, NodePool, Snapshot } from '../model/aks';
import type { MaintenanceConfiguration } from '../model/maintenance';
import type { LatestNodeImage } from '../model/versions';
import type { AksTreeElement } from './AksTreeElement';

/** What an element needs from the rest of the tree: snapshots and clusters of other subscriptions, read once each. */
export interface TenantContents {
    /** The snapshots among `ids` that can be read, from the subscriptions their ids name (R13), by lower-case id. */
    snapshotsFor(ids: readonly string[]): Promise<ReadonlyMap<string, Snapshot>>;
    /** Every cluster of every subscription that could be read. */
    everyCluster(): Promise<Cluster[]>;
    /** AKS's newest node image for the pool (its upgrade profile), read once for the tree's life; never rejects. */
    latestNodeImage(pool: NodePool): Promise<LatestNodeImage>;
    /**
     * AKS's newest node image of an image's family in a region, asked of a pool that runs that family there (the
     * snapshot's source pool first); undefined when no such pool is listed.
     */
    latestNodeImageOfFamily(image: string, location: string, preferPoolId?: string): Promise<LatestNodeImage | undefined>;
    /** The cluster's planned maintenance configurations, read once for the tree's life, or why they could not be; never rejects. */
    maintenanceOf(cluster: Cluster): Promise<readonly MaintenanceConfiguration[] | { readonly unread: string }>;
    /** Asks the view for an element's children again (a subscription whose clusters arrive page by page). */
    showAgain(element: AksTreeElement): void;
}
