import type { Cluster, NodePool, Snapshot } from './aks';
import { isSameArmId } from './armId';
import type { RolloutTarget } from './changes';
import type { UpgradeSettings } from './poolOptions';
import type { Problem } from './problems';
import { UpgradeFacts, upgradePath, UpgradePath, upgradeProblems } from './rules';

/**
 * A roll-out: one snapshot to many pools, a canary wave first, then waves of a chosen size, a bounded number of
 * operations at once and a failure budget. Pure: the plan, where each pool stands, and what comes next.
 */

/** What rolling the snapshot out would do to a pool. */
export type RolloutCandidate =
    | { readonly kind: 'upgrade'; readonly path: UpgradePath }
    | { readonly kind: 'current' }
    | { readonly kind: 'impossible'; readonly problems: readonly Problem[] };

/**
 * A pool on the snapshot: its last operation `Succeeded`, linked to the snapshot, on its node image and Kubernetes
 * version. A `Failed` upgrade leaves the link and image written (AKS writes them when it accepts the upgrade), so
 * the state decides: the roll-out's success check, its read-back and Resume all ask this.
 */
export function isOnSnapshot(pool: NodePool, snapshot: Snapshot): boolean {
    return (
        pool.provisioningState?.toLowerCase() === 'succeeded' &&
        isSameArmId(pool.snapshotId, snapshot.id) &&
        pool.nodeImageVersion === snapshot.nodeImageVersion &&
        pool.kubernetesVersion === snapshot.kubernetesVersion
    );
}

export function rolloutCandidate(pool: NodePool, cluster: Cluster, snapshot: Snapshot, facts: UpgradeFacts): RolloutCandidate {
    // On the snapshot's image and version (linked to it or made otherwise, which `isOnSnapshot` also requires): nothing to upgrade.
    if (
        pool.provisioningState?.toLowerCase() === 'succeeded' &&
        pool.nodeImageVersion === snapshot.nodeImageVersion &&
        pool.kubernetesVersion === snapshot.kubernetesVersion
    ) {
        return { kind: 'current' };
    }
    const problems = [
        ...(pool.poolType === 'VirtualMachines' ? [{ code: 'virtualMachinesPool', rule: 'R11', pool: pool.name } as const] : []),
        ...upgradeProblems(pool, cluster, snapshot, facts),
    ];
    return problems.length ? { kind: 'impossible', problems } : { kind: 'upgrade', path: upgradePath(pool, snapshot) };
}

/**
 * At most this many upgrades at once: AKS takes one operation at a time per cluster, and answers 2 operation
 * status polls per second per subscription; five running operations polled every few seconds stay within that.
 */
export const MAX_CONCURRENCY = 5;

export interface RolloutSettings {
    /** Pools in the first wave (the canary). */
    readonly canary: number;
    /** Pools in each later wave. */
    readonly waveSize: number;
    /** Upgrades running at once (1 to MAX_CONCURRENCY). */
    readonly concurrency: number;
    /** The roll-out stops once this many pools failed. */
    readonly failureBudget: number;
    /** Between waves: ask, showing the results so far, or wait this many minutes. */
    readonly between: { readonly kind: 'confirm' } | { readonly kind: 'soak'; readonly minutes: number };
    /** The upgrade settings of every Kubernetes upgrade (R6: a node-image-only upgrade takes none); unset ones stay each pool's. */
    readonly upgrade?: UpgradeSettings;
}

export const DEFAULT_ROLLOUT_SETTINGS: RolloutSettings = {
    canary: 1,
    waveSize: 5,
    concurrency: 3,
    failureBudget: 1,
    between: { kind: 'confirm' },
};

export interface PlannedPool {
    readonly poolId: string;
    readonly clusterId: string;
    readonly subscriptionId: string;
    readonly clusterName: string;
    readonly poolName: string;
    readonly path: UpgradePath;
    readonly fromKubernetesVersion: string;
    readonly fromNodeImage: string;
}

export interface SkippedPool {
    readonly poolId: string;
    readonly clusterName: string;
    readonly poolName: string;
    /** Already on the snapshot, or the problems that rule it out. */
    readonly reason: { readonly kind: 'current' } | { readonly kind: 'impossible'; readonly problems: readonly Problem[] };
}

export interface RolloutPlan {
    readonly id: string;
    /** The snapshot as the person confirmed the plan: read again before every wave, and the roll-out stops if it changed. */
    readonly snapshot: RolloutTarget;
    readonly createdAt: string;
    readonly settings: RolloutSettings;
    readonly waves: readonly (readonly PlannedPool[])[];
    readonly skipped: readonly SkippedPool[];
}

/** The canary wave, then waves of `waveSize`, in the order given (the person's order: clusters together). */
export function planWaves<T>(pools: readonly T[], settings: Pick<RolloutSettings, 'canary' | 'waveSize'>): T[][] {
    const waves: T[][] = [];
    const canary = Math.max(0, Math.min(settings.canary, pools.length));
    if (canary > 0) {
        waves.push(pools.slice(0, canary));
    }
    for (let i = canary; i < pools.length; i += Math.max(1, settings.waveSize)) {
        waves.push(pools.slice(i, i + Math.max(1, settings.waveSize)));
    }
    return waves;
}

export type PoolStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'stillRunning';

export interface PoolOutcome {
    readonly status: PoolStatus;
    /** Azure's error code, or the rule that stopped it. */
    readonly code?: string;
    readonly message?: string;
    readonly startedAt?: string;
    readonly endedAt?: string;
}

export type RolloutStatus = 'running' | 'waiting' | 'done' | 'stopped' | 'canceled';

/** What persists across reloads: the plan, where each pool stands, the wave reached. */
export interface RolloutState {
    readonly plan: RolloutPlan;
    readonly outcomes: Readonly<Record<string, PoolOutcome>>;
    readonly wave: number;
    readonly status: RolloutStatus;
    /** Why a roll-out stopped other than at its failure budget (its snapshot changed or is gone). */
    readonly stopReason?: string;
    /** The VS Code window running it, while it runs: no other window runs it too (`runningElsewhere`). */
    readonly owner?: RolloutOwner;
}

/** A window's lease on a roll-out: renewed every `LEASE_RENEW_MS` while it runs, lapsed after `LEASE_MS` without. */
export interface RolloutOwner {
    /** The window's session (`vscode.env.sessionId`). */
    readonly window: string;
    /** When the window last renewed it (ISO 8601). */
    readonly renewedAt: string;
}

export const LEASE_RENEW_MS = 20_000;
/** A window that has not renewed its lease for this long is gone (closed, crashed, asleep): another may take the roll-out. */
export const LEASE_MS = 90_000;

/** The other window running the roll-out now, if one is: its lease is held and fresh. */
export function runningElsewhere(state: RolloutState, window: string, now: Date): RolloutOwner | undefined {
    const owner = state.owner;
    return owner && owner.window !== window && now.getTime() - Date.parse(owner.renewedAt) < LEASE_MS ? owner : undefined;
}

export function newRolloutState(plan: RolloutPlan): RolloutState {
    const outcomes: Record<string, PoolOutcome> = {};
    plan.waves.flat().forEach((p) => (outcomes[p.poolId] = { status: 'pending' }));
    return { plan, outcomes, wave: 0, status: 'running' };
}

export function failures(state: RolloutState): number {
    return Object.values(state.outcomes).filter((o) => o.status === 'failed').length;
}

/** Finished: every planned pool ended one way or another, or the roll-out was stopped or canceled. */
export function isFinished(state: RolloutState): boolean {
    return state.status === 'done' || state.status === 'stopped' || state.status === 'canceled';
}

/**
 * The roll-out again for its failed pools only: they wait to start again (each read fresh and checked again, as
 * any pool of a roll-out), from the first wave that has one; the others keep their outcome, so those not started
 * stay not started and nothing that succeeded is sent again.
 */
export function retryFailed(state: RolloutState): { state: RolloutState; pools: readonly string[] } {
    const pools = Object.entries(state.outcomes)
        .filter(([, o]) => o.status === 'failed')
        .map(([id]) => id);
    const outcomes = { ...state.outcomes };
    pools.forEach((id) => (outcomes[id] = { status: 'pending' }));
    const first = state.plan.waves.findIndex((wave) => wave.some((p) => pools.includes(p.poolId)));
    return { state: { ...state, outcomes, status: 'running', stopReason: undefined, wave: Math.max(0, first) }, pools };
}

/** The pools of a wave still to start, in order, at most one per cluster at a time being the runner's job. */
export function pendingIn(state: RolloutState, wave: number): PlannedPool[] {
    return (state.plan.waves[wave] ?? []).filter((p) => state.outcomes[p.poolId]?.status === 'pending');
}

/** Counts by status, for the summary. */
export function countByStatus(state: RolloutState): Record<PoolStatus, number> {
    const counts: Record<PoolStatus, number> = { pending: 0, running: 0, succeeded: 0, failed: 0, skipped: 0, stillRunning: 0 };
    Object.values(state.outcomes).forEach((o) => counts[o.status]++);
    return counts;
}
