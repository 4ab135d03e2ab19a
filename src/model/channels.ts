import type { Cluster } from './aks';
import type { Problem } from './problems';

/**
 * R7: a pool keeps a snapshot's image only while its cluster's automatic channels leave node images alone. The node
 * OS channel `NodeImage` (the default for new clusters since API 2023-06-01, so also what a cluster that names none
 * gets) and `SecurityPatch` change the image at the maintenance window; so do the auto-upgrade channels
 * `node-image` and every Kubernetes channel (`rapid`, `stable`, `patch`). Only `None` or `Unmanaged` with
 * `none` hold a pin.
 */
export function reimagingChannel(cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'nodeOsUpgradeChannel'>): Extract<Problem, { code: 'channelReimages' }> | undefined {
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
