import type { Cluster } from './aks';
import type { Problem } from './problems';

/**
 * R7: a pool keeps a snapshot's image only while its cluster's automatic channels leave node images alone. The node
 * OS channel `NodeImage` (the default for new clusters since API 2023-06-01, so also what a cluster that names none
 * gets) and `SecurityPatch` change the image at the maintenance window; so do the auto-upgrade channels
 * `node-image` and every Kubernetes channel (`rapid`, `stable`, `patch`). Only `None` or `Unmanaged` with
 * `none` hold a pin.
 */
export function reimagingChannel(
    cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'nodeOsUpgradeChannel'>,
): Extract<Problem, { code: 'channelReimages' }> | undefined {
    const nodeOs = cluster.nodeOsUpgradeChannel ?? 'NodeImage';
    if (!['none', 'unmanaged'].includes(nodeOs.toLowerCase())) {
        return { code: 'channelReimages', rule: 'R7', cluster: cluster.name, setting: 'nodeOSUpgradeChannel', channel: nodeOs };
    }
    const upgrade = cluster.upgradeChannel ?? 'none';
    if (upgrade.toLowerCase() !== 'none') {
        return { code: 'channelReimages', rule: 'R7', cluster: cluster.name, setting: 'upgradeChannel', channel: upgrade };
    }
    return undefined;
}

/** The two automatic-upgrade settings of a cluster (`autoUpgradeProfile`). */
export interface UpgradeChannels {
    /** `upgradeChannel`: none, patch, stable, rapid, node-image. */
    readonly upgradeChannel: string;
    /** `nodeOSUpgradeChannel`: None, Unmanaged, NodeImage, SecurityPatch. */
    readonly nodeOsUpgradeChannel: string;
}

/** What a new cluster from a snapshot gets unless the person chooses otherwise: nothing re-images its pools (R7). */
export const PINNED_CHANNELS: UpgradeChannels = { upgradeChannel: 'none', nodeOsUpgradeChannel: 'None' };

/**
 * The channels that pin a cluster's pools to their images, changing as little as possible: `Unmanaged` (the
 * OS's own security updates, which leave the image alone) stays; anything that re-images becomes `None`/`none`.
 */
export function pinnedChannels(cluster: Pick<Cluster, 'upgradeChannel' | 'nodeOsUpgradeChannel'>): UpgradeChannels {
    const unmanaged = cluster.nodeOsUpgradeChannel?.toLowerCase() === 'unmanaged';
    return { upgradeChannel: 'none', nodeOsUpgradeChannel: unmanaged ? 'Unmanaged' : 'None' };
}
