import type { NodePool } from './aks';

/** A field of a pool that is not what it was when the person confirmed. */
export interface PoolChange {
    readonly field: 'count' | 'kubernetesVersion' | 'nodeImageVersion' | 'snapshotId' | 'vmSize' | 'provisioningState' | 'mode';
    readonly before: string;
    readonly after: string;
}

const FIELDS: readonly PoolChange['field'][] = ['kubernetesVersion', 'nodeImageVersion', 'snapshotId', 'count', 'vmSize', 'mode', 'provisioningState'];

/** What differs between the pool the person confirmed and the pool Azure has now, in the fields people read. */
export function poolChanges(confirmed: NodePool, now: NodePool): PoolChange[] {
    return FIELDS.map((field) => ({ field, before: String(confirmed[field] ?? ''), after: String(now[field] ?? '') }))
        .filter((change) => change.before !== change.after);
}
