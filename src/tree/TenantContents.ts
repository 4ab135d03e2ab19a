import type { Cluster, Snapshot } from '../model/aks';

/** What an element needs from the rest of the tree: snapshots and clusters of other subscriptions, read once each. */
export interface TenantContents {
    /** The snapshots among `ids` that can be read, from the subscriptions their ids name (R13), by lower-case id. */
    snapshotsFor(ids: readonly string[]): Promise<ReadonlyMap<string, Snapshot>>;
    /** Every cluster of every subscription that could be read. */
    everyCluster(): Promise<Cluster[]>;
}
