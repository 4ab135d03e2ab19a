/** Parts of an Azure Resource Manager id, as far as this product needs them. */
export interface ArmId {
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    /** The top-level resource name (cluster or snapshot). */
    readonly name: string;
    /** The provider type, e.g. `Microsoft.ContainerService/managedClusters`. */
    readonly type: string;
    /** The child agent pool name when the id is a pool's. */
    readonly agentPool?: string;
}

const ARM_ID = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)(?:\/agentpools\/([^/]+))?\/?$/i;

/** Parses an ARM id; segment keywords are case-insensitive, as ARM treats them. */
export function parseArmId(id: string): ArmId | undefined {
    const match = ARM_ID.exec(id.trim());
    if (!match) {
        return undefined;
    }
    const [, subscriptionId, resourceGroup, type, name, agentPool] = match;
    return { subscriptionId, resourceGroup, type, name, agentPool };
}

export function clusterId(subscriptionId: string, resourceGroup: string, cluster: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${cluster}`;
}

export function nodePoolId(subscriptionId: string, resourceGroup: string, cluster: string, pool: string): string {
    return `${clusterId(subscriptionId, resourceGroup, cluster)}/agentPools/${pool}`;
}

export function snapshotId(subscriptionId: string, resourceGroup: string, snapshot: string): string {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.ContainerService/snapshots/${snapshot}`;
}

/** ARM ids compare without regard to case. */
export function isSameArmId(a: string | undefined, b: string | undefined): boolean {
    return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
