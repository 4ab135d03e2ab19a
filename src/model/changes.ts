import type { Cluster, NodePool, Snapshot } from './aks';

/** A field of a resource that is not what it was when the person confirmed. */
export interface FieldChange {
    readonly field: string;
    readonly before: string;
    readonly after: string;
}

/** A field of a pool that is not what it was when the person confirmed. */
export interface PoolChange extends FieldChange {
    readonly field:
        | 'count'
        | 'kubernetesVersion'
        | 'nodeImageVersion'
        | 'snapshotId'
        | 'vmSize'
        | 'provisioningState'
        | 'powerState'
        | 'mode'
        | 'enableFips'
        | 'osSku';
}

const POOL_FIELDS: readonly PoolChange['field'][] = [
    'kubernetesVersion',
    'nodeImageVersion',
    'snapshotId',
    'count',
    'vmSize',
    'mode',
    'osSku',
    'enableFips',
    'provisioningState',
    'powerState',
];
const CLUSTER_FIELDS = ['kubernetesVersion', 'provisioningState', 'upgradeChannel', 'nodeOsUpgradeChannel'] as const;
/** A snapshot re-created under the same name has another creation time: the one confirmed is gone. */
const SNAPSHOT_FIELDS = ['createdAt', 'kubernetesVersion', 'nodeImageVersion', 'osType', 'osSku', 'vmSize', 'enableFips'] as const;

function changes<T>(fields: readonly (keyof T & string)[], confirmed: T, now: T): FieldChange[] {
    const text = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value ?? ''));
    return fields
        .map((field) => ({ field, before: text(confirmed[field]), after: text(now[field]) }))
        .filter((change) => change.before !== change.after);
}

/** What differs between the pool the person confirmed and the pool Azure has now, in the fields people read. */
export function poolChanges(confirmed: NodePool, now: NodePool): PoolChange[] {
    return changes(POOL_FIELDS, confirmed, now) as PoolChange[];
}

/** What differs between the cluster the person confirmed and the cluster now. */
export function clusterChanges(confirmed: Cluster, now: Cluster): FieldChange[] {
    return changes(CLUSTER_FIELDS, confirmed, now);
}

/** What differs between the snapshot the person confirmed and the snapshot now (tags apart: ARM merges those). */
export function snapshotChanges(confirmed: Snapshot, now: Snapshot): FieldChange[] {
    return changes(SNAPSHOT_FIELDS, confirmed, now);
}

/** What a roll-out's plan records of its snapshot: the target every pool of it gets. */
export interface RolloutTarget {
    readonly id: string;
    readonly name: string;
    readonly kubernetesVersion: string;
    readonly nodeImageVersion: string;
    /** When the snapshot was made (ISO 8601): one deleted and made again under the same name has another. */
    readonly createdAt?: string;
}

/** The target of a snapshot as read now. */
export function rolloutTarget(snapshot: Snapshot): RolloutTarget {
    return {
        id: snapshot.id,
        name: snapshot.name,
        kubernetesVersion: snapshot.kubernetesVersion,
        nodeImageVersion: snapshot.nodeImageVersion,
        ...(snapshot.createdAt ? { createdAt: snapshot.createdAt.toISOString() } : {}),
    };
}

/**
 * What differs between the target a roll-out's plan recorded and the snapshot read now (resource ids compared as
 * ARM does, without case); a plan saved before creation times were recorded compares the rest.
 */
export function rolloutTargetChanges(planned: RolloutTarget, now: Snapshot): FieldChange[] {
    const read = rolloutTarget(now);
    return changes(
        ['id', 'createdAt', 'nodeImageVersion', 'kubernetesVersion'] as const,
        { ...planned, id: planned.id.toLowerCase() },
        { ...read, id: read.id.toLowerCase(), createdAt: planned.createdAt === undefined ? undefined : read.createdAt },
    );
}

/** "field: before → after, …", for a message. */
export function describeChanges(list: readonly FieldChange[]): string {
    return list.map((c) => `${c.field}: ${c.before || '—'} → ${c.after || '—'}`).join(', ');
}
