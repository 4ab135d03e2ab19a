import type { Cluster, NodePool, Snapshot } from './aks';
import type { Problem } from './problems';
import { busyProblem } from './rules';
import { compareKubernetesVersions, compareNodeImages, nodeImageFamily } from './versions';

/**
 * A pool rollback as AKS documents it ("Roll back node pool versions in Azure Kubernetes Service (AKS)",
 * learn.microsoft.com/azure/aks/roll-back-node-pool-version, API 2026-04-01): a pool PUT whose `nodeImageVersion` is
 * one of the pool's `recentlyUsedVersions` goes back to that Kubernetes version and node image. Only the version
 * changes; other settings stay.
 */

/** One version a pool ran before (its upgrade profile's `recentlyUsedVersions`), with when it last ran it. */
export interface RecentlyUsedVersion {
    readonly kubernetesVersion: string;
    readonly nodeImageVersion: string;
    readonly lastUsed?: Date;
}

/** "Available only for seven days after upgrade completion." */
export const ROLLBACK_DAYS = 7;

/** A version the pool could go back to, and why it cannot when it cannot. */
export interface RollbackChoice {
    readonly version: RecentlyUsedVersion;
    readonly problems: readonly Problem[];
}

/**
 * The pool's recently used versions, newest first, less the one it runs, each with what stops a rollback to it:
 * the cluster's auto-upgrade channel must be `none`; seven days after the pool left it; no rollback right after a
 * rollback; not to a Kubernetes version AKS no longer offers the pool (`supported`, when read); not to another OS
 * SKU's image (a rollback does not revert an OS SKU change); and R10 for the pool and its cluster.
 */
export function rollbackChoices(
    pool: NodePool,
    cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'provisioningState' | 'powerState'>,
    recentlyUsed: readonly RecentlyUsedVersion[],
    now: Date,
    supported?: readonly string[],
): RollbackChoice[] {
    const newestFirst = byNewest(recentlyUsed);
    const earlier = newestFirst.filter((v) => v.nodeImageVersion !== pool.nodeImageVersion);
    // The newest entry is later than what the pool runs: the pool's last change was itself a rollback.
    const afterRollback = newestFirst.length > 0 && isLater(newestFirst[0], pool);
    const shared: Problem[] = [
        ...busyProblem('cluster', cluster.name, cluster.provisioningState, cluster.powerState),
        ...busyProblem('nodePool', pool.name, pool.provisioningState, pool.powerState),
        ...((cluster.upgradeChannel ?? 'none').toLowerCase() !== 'none'
            ? [{ code: 'rollbackChannelOn', rule: 'rollback', cluster: cluster.name, channel: cluster.upgradeChannel ?? '' } as const]
            : []),
        ...(afterRollback ? [{ code: 'rollbackAfterRollback', rule: 'rollback', pool: pool.name } as const] : []),
    ];
    return earlier.map((version) => ({ version, problems: [...shared, ...ownProblems(pool, version, now, supported)] }));
}

function ownProblems(pool: NodePool, version: RecentlyUsedVersion, now: Date, supported: readonly string[] | undefined): Problem[] {
    const problems: Problem[] = [];
    if (isLater(version, pool)) {
        problems.push({
            code: 'rollbackNotEarlier',
            rule: 'rollback',
            version: version.kubernetesVersion,
            image: version.nodeImageVersion,
        });
    }
    const days = version.lastUsed ? (now.getTime() - version.lastUsed.getTime()) / 86_400_000 : undefined;
    if (days === undefined || days > ROLLBACK_DAYS) {
        problems.push({
            code: 'rollbackExpired',
            rule: 'rollback',
            image: version.nodeImageVersion,
            lastUsed: version.lastUsed ? `${version.lastUsed.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '?',
            days: ROLLBACK_DAYS,
        });
    }
    if (supported && !supported.includes(version.kubernetesVersion)) {
        problems.push({ code: 'rollbackVersionGone', rule: 'rollback', version: version.kubernetesVersion });
    }
    if (pool.nodeImageVersion && nodeImageFamily(version.nodeImageVersion) !== nodeImageFamily(pool.nodeImageVersion)) {
        problems.push({ code: 'rollbackOsSku', rule: 'rollback', image: version.nodeImageVersion, poolImage: pool.nodeImageVersion });
    }
    return problems;
}

/** Recently used versions, the one the pool left last first. */
export function byNewest(recentlyUsed: readonly RecentlyUsedVersion[]): RecentlyUsedVersion[] {
    return [...recentlyUsed].sort((a, b) => (b.lastUsed?.getTime() ?? 0) - (a.lastUsed?.getTime() ?? 0));
}

/** Later than what the pool runs: a newer Kubernetes version, or the same with a newer node image. */
function isLater(version: RecentlyUsedVersion, pool: NodePool): boolean {
    const kubernetes = compareKubernetesVersions(version.kubernetesVersion, pool.kubernetesVersion) ?? 0;
    return (
        kubernetes > 0 ||
        (kubernetes === 0 && !!pool.nodeImageVersion && (compareNodeImages(version.nodeImageVersion, pool.nodeImageVersion) ?? 0) > 0)
    );
}

/**
 * A snapshot older than the pool (R5 refuses it as an upgrade) whose Kubernetes version and node image AKS keeps for
 * the pool: choosing it is a rollback, judged by the rollback's limits instead (the snapshot itself is not used, so
 * its age, R12, does not apply).
 */
export function snapshotAsRollback(
    pool: NodePool,
    cluster: Pick<Cluster, 'name' | 'upgradeChannel' | 'provisioningState' | 'powerState'>,
    snapshot: Pick<Snapshot, 'kubernetesVersion' | 'nodeImageVersion'>,
    upgradeProblems: readonly Problem[],
    recentlyUsed: readonly RecentlyUsedVersion[],
    now: Date,
): RollbackChoice | undefined {
    if (!upgradeProblems.some((p) => p.code === 'versionNotNewer' || p.code === 'imageNotNewer')) {
        return undefined;
    }
    return rollbackChoices(pool, cluster, recentlyUsed, now).find(
        (c) =>
            c.version.nodeImageVersion === snapshot.nodeImageVersion &&
            compareKubernetesVersions(c.version.kubernetesVersion, snapshot.kubernetesVersion) === 0,
    );
}
