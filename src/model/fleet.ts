import type { Cluster } from './aks';
import { isSameArmId, parseArmId } from './armId';
import type { PlannedPool, PoolStatus, RolloutPlan } from './rollout';
import { compareKubernetesVersions, nodeImageFamily } from './versions';

/**
 * Azure Kubernetes Fleet Manager, as the product uses it: a roll-out's plan handed to a fleet as one update run, and
 * the run's status read back as each pool's outcome. Pure. Facts from Fleet's REST API 2025-03-01 (the models of
 * `@azure/arm-containerservicefleet` 2.0.0, generated from it) and Fleet's docs, each named where it applies:
 *
 * - `UpdateRunStrategy`: stages run one after another, the groups of a stage at once, the members of a group one
 *   after another; a valid strategy names no group twice.
 * - `UpdateGroup.name` "must match a group name of an existing fleet member": a group is the name members carry
 *   (`FleetMember.group`), so a stage updates every member of each group it names, and a member whose group no stage
 *   names is not updated ("Define reusable update strategies", learn.microsoft.com/azure/kubernetes-fleet).
 * - `ManagedClusterUpgradeType`: `Full` upgrades the control plane and all agent pools to `kubernetesVersion`;
 *   `NodeImageOnly` upgrades only node images and must not have one.
 * - `NodeImageSelection.Custom`: at most one version per node image family; "If the nodes belong to a family without
 *   a matching image version in this field, they are not upgraded."
 * - `UpdateStage.afterStageWaitInSeconds`: the wait after a stage before the next.
 * - Fleet's docs say nothing of node pool snapshots: an update run names node image versions, not a snapshot, so it
 *   does not set a pool's `creationData` (its snapshot link).
 */

export interface Fleet {
    readonly id: string;
    readonly name: string;
    readonly subscriptionId: string;
    readonly resourceGroup: string;
    readonly location: string;
}

export interface FleetMember {
    readonly id: string;
    readonly name: string;
    /** The ARM id of the cluster the member is. */
    readonly clusterId: string;
    /** Its update group: the name a strategy's group refers to. */
    readonly group?: string;
}

/** `UpdateState`: NotStarted, Running, Stopping, Stopped, Skipped, Failed, Completed. */
export type UpdateState = string;

export interface MemberUpdate {
    readonly name: string;
    readonly clusterId: string;
    readonly state: UpdateState;
    readonly message?: string;
}

export interface GroupUpdate {
    readonly name: string;
    readonly state: UpdateState;
    readonly members: readonly MemberUpdate[];
}

export interface StageUpdate {
    readonly name: string;
    readonly state: UpdateState;
    readonly groups: readonly GroupUpdate[];
    /** The wait after the stage, once it has begun. */
    readonly wait?: { readonly seconds: number; readonly state: UpdateState };
}

/** An update run as Fleet reports it. */
export interface UpdateRun {
    readonly id: string;
    readonly name: string;
    readonly eTag?: string;
    readonly state: UpdateState;
    readonly upgradeType: string;
    readonly kubernetesVersion?: string;
    readonly nodeImageSelection: string;
    readonly customNodeImageVersions: readonly string[];
    /** The strategy as created: each stage's groups and wait. */
    readonly strategy: readonly { readonly name: string; readonly groups: readonly string[]; readonly afterStageWaitInSeconds: number }[];
    readonly stages: readonly StageUpdate[];
    readonly startTime?: string;
    readonly completedTime?: string;
    /** The run's own error, where Fleet gives one. */
    readonly error?: string;
}

/** Where a run, stage, group or member is over. */
export function isUpdateEnded(state: UpdateState): boolean {
    return ['Completed', 'Failed', 'Stopped', 'Skipped'].includes(state);
}

/**
 * What Fleet takes for a run in a state (`UpdateRuns_Start`, `_Stop`, `_Skip`): start a run not started or stopped;
 * stop a running one; skip parts of one that has not ended (a stopped run's parts can be skipped before it starts again).
 */
export function updateRunActions(state: UpdateState): { readonly start: boolean; readonly stop: boolean; readonly skip: boolean } {
    return {
        start: state === 'NotStarted' || state === 'Stopped',
        stop: state === 'Running',
        skip: state === 'NotStarted' || state === 'Running' || state === 'Stopped',
    };
}

/** One stage of the run a plan becomes: the groups it names, the members they hold, the wait after it. */
export interface PlannedStage {
    readonly name: string;
    readonly groups: readonly { readonly name: string; readonly members: readonly FleetMember[] }[];
    readonly afterStageWaitInSeconds: number;
}

/** What a run does to a pool the person did not choose, in a cluster it updates. */
export interface OtherPoolChange {
    readonly clusterName: string;
    readonly poolName: string;
    /** From → to, where the run changes it. */
    readonly kubernetes?: { readonly from: string; readonly to: string };
    /** For a pool of the snapshot's image family, from → to (the same where it is on it); none for another family, which the run leaves. */
    readonly nodeImage?: { readonly from: string; readonly to: string };
}

/** A plan as one update run of one fleet. */
export interface FleetHandOff {
    readonly fleet: Fleet;
    readonly runName: string;
    readonly upgradeType: 'Full' | 'NodeImageOnly';
    readonly kubernetesVersion?: string;
    readonly nodeImageVersion: string;
    readonly stages: readonly PlannedStage[];
    /** Members of the fleet no stage names: the run leaves them. */
    readonly excluded: readonly FleetMember[];
    /** The control planes a `Full` run upgrades. */
    readonly controlPlanes: readonly { readonly clusterName: string; readonly from: string; readonly to: string }[];
    readonly otherPools: readonly OtherPoolChange[];
    /** The plan asks before each wave; Fleet does not ask, it goes on (a stop holds it). */
    readonly confirmBetweenStages: boolean;
}

/** Why a plan cannot be one update run. */
export type FleetRefusal =
    | { readonly code: 'notMember'; readonly clusters: readonly string[] }
    | { readonly code: 'severalFleets'; readonly fleets: readonly string[] }
    | { readonly code: 'noGroup'; readonly member: string; readonly cluster: string }
    | { readonly code: 'groupHasOthers'; readonly group: string; readonly member: string; readonly cluster: string }
    | { readonly code: 'mixedPaths' }
    | { readonly code: 'controlPlaneNewer'; readonly cluster: string; readonly version: string; readonly target: string }
    | { readonly code: 'otherFamily'; readonly cluster: string; readonly pool: string; readonly image: string };

export type FleetOffer =
    | { readonly kind: 'possible'; readonly handOff: FleetHandOff }
    | { readonly kind: 'impossible'; readonly refusals: readonly FleetRefusal[] };

/** A fleet and its members, as read. */
export interface FleetWithMembers {
    readonly fleet: Fleet;
    readonly members: readonly FleetMember[];
}

/**
 * The plan as one update run, or why it cannot be one. Every chosen pool's cluster must be a member of the same
 * fleet with a group; every group a stage names must hold only chosen clusters (a stage updates its groups whole);
 * every chosen pool takes the same path (one run has one upgrade type) and is of the snapshot's image family (a
 * custom selection upgrades only the families it names). Waves become stages in order: a group goes in the stage of
 * the first wave that has one of its clusters.
 */
export function fleetOffer(plan: RolloutPlan, clusters: readonly Cluster[], fleets: readonly FleetWithMembers[]): FleetOffer {
    const pools = plan.waves.flat();
    const clusterIds = unique(pools.map((p) => p.clusterId.toLowerCase()));
    const memberOf = (clusterId: string): { fleet: FleetWithMembers; member: FleetMember }[] =>
        fleets.flatMap((fleet) => fleet.members.filter((m) => isSameArmId(m.clusterId, clusterId)).map((member) => ({ fleet, member })));
    const refusals: FleetRefusal[] = [];
    const nameOf = (clusterId: string): string => pools.find((p) => p.clusterId.toLowerCase() === clusterId)?.clusterName ?? clusterId;
    const outside = clusterIds.filter((c) => memberOf(c).length === 0);
    if (outside.length) {
        refusals.push({ code: 'notMember', clusters: outside.map(nameOf) });
    }
    const candidates = fleets.filter((f) => clusterIds.every((c) => f.members.some((m) => isSameArmId(m.clusterId, c))));
    if (!outside.length && candidates.length === 0) {
        refusals.push({ code: 'severalFleets', fleets: unique(clusterIds.flatMap((c) => memberOf(c).map((m) => m.fleet.fleet.name))) });
    }
    const paths = unique(pools.map((p) => p.path));
    if (paths.length > 1) {
        refusals.push({ code: 'mixedPaths' });
    }
    const family = nodeImageFamily(plan.snapshot.nodeImageVersion);
    for (const p of pools) {
        if (p.fromNodeImage && nodeImageFamily(p.fromNodeImage) !== family) {
            refusals.push({ code: 'otherFamily', cluster: p.clusterName, pool: p.poolName, image: p.fromNodeImage });
        }
    }
    const full = paths[0] === 'kubernetes';
    const chosenClusters = clusterIds.map((id) => clusters.find((c) => c.id.toLowerCase() === id));
    if (full) {
        for (const c of chosenClusters) {
            if (c && (compareKubernetesVersions(c.kubernetesVersion, plan.snapshot.kubernetesVersion) ?? 0) > 0) {
                refusals.push({
                    code: 'controlPlaneNewer',
                    cluster: c.name,
                    version: c.kubernetesVersion,
                    target: plan.snapshot.kubernetesVersion,
                });
            }
        }
    }
    const fleet = candidates[0];
    if (!fleet) {
        return { kind: 'impossible', refusals };
    }
    const members = new Map<string, FleetMember>();
    for (const id of clusterIds) {
        const member = fleet.members.find((m) => isSameArmId(m.clusterId, id));
        if (member && !member.group) {
            refusals.push({ code: 'noGroup', member: member.name, cluster: nameOf(id) });
        }
        if (member?.group) {
            members.set(id, member);
        }
    }
    const groups = unique(
        [...members.values()].map((m) => m.group ?? ''),
        (g) => g.toLowerCase(),
    );
    for (const group of groups) {
        for (const m of fleet.members.filter((m) => sameGroup(m.group, group))) {
            if (!clusterIds.includes(m.clusterId.toLowerCase())) {
                refusals.push({ code: 'groupHasOthers', group, member: m.name, cluster: clusterName(m.clusterId) });
            }
        }
    }
    if (refusals.length) {
        return { kind: 'impossible', refusals };
    }
    const groupOf = (clusterId: string): string => members.get(clusterId.toLowerCase())?.group ?? '';
    const stages = planStages(plan, fleet.members, groupOf);
    const staged = new Set(stages.flatMap((s) => s.groups.flatMap((g) => g.members.map((m) => m.name.toLowerCase()))));
    const target = plan.snapshot;
    const chosen = new Set(pools.map((p) => p.poolId.toLowerCase()));
    const otherPools: OtherPoolChange[] = chosenClusters
        .filter((c): c is Cluster => !!c)
        .flatMap((c) =>
            c.nodePools
                .filter((p) => !chosen.has(p.id.toLowerCase()))
                .map((p) => ({
                    clusterName: c.name,
                    poolName: p.name,
                    ...(full && p.kubernetesVersion !== target.kubernetesVersion
                        ? { kubernetes: { from: p.kubernetesVersion, to: target.kubernetesVersion } }
                        : {}),
                    ...(p.nodeImageVersion && nodeImageFamily(p.nodeImageVersion) === family
                        ? { nodeImage: { from: p.nodeImageVersion, to: target.nodeImageVersion } }
                        : {}),
                })),
        );
    return {
        kind: 'possible',
        handOff: {
            fleet: fleet.fleet,
            runName: updateRunName(target.name, plan.id),
            upgradeType: full ? 'Full' : 'NodeImageOnly',
            ...(full ? { kubernetesVersion: target.kubernetesVersion } : {}),
            nodeImageVersion: target.nodeImageVersion,
            stages,
            excluded: fleet.members.filter((m) => !staged.has(m.name.toLowerCase())),
            controlPlanes: full
                ? chosenClusters
                      .filter((c): c is Cluster => !!c && c.kubernetesVersion !== target.kubernetesVersion)
                      .map((c) => ({ clusterName: c.name, from: c.kubernetesVersion, to: target.kubernetesVersion }))
                : [],
            otherPools,
            confirmBetweenStages: plan.settings.between.kind === 'confirm',
        },
    };
}

/** Waves in order become stages; a group goes in the stage of the first wave with one of its clusters; empty stages go. */
function planStages(plan: RolloutPlan, members: readonly FleetMember[], groupOf: (clusterId: string) => string): PlannedStage[] {
    const placed = new Set<string>();
    const wait = plan.settings.between.kind === 'soak' ? plan.settings.between.minutes * 60 : 0;
    const stages = plan.waves.map((wave: readonly PlannedPool[], i) => {
        const groups = unique(
            wave.map((p) => groupOf(p.clusterId)),
            (g) => g.toLowerCase(),
        ).filter((g) => !placed.has(g.toLowerCase()));
        groups.forEach((g) => placed.add(g.toLowerCase()));
        return {
            name: i === 0 && plan.settings.canary > 0 ? 'canary' : `wave-${i + 1}`,
            groups: groups.map((name) => ({ name, members: members.filter((m) => sameGroup(m.group, name)) })),
        };
    });
    const kept = stages.filter((s) => s.groups.length > 0);
    return kept.map((s, i) => ({ ...s, afterStageWaitInSeconds: i < kept.length - 1 ? wait : 0 }));
}

/** The update run's body (REST names): the strategy from the stages, the snapshot's image as the custom image of its family. */
export function updateRunBody(handOff: FleetHandOff): Record<string, unknown> {
    return {
        properties: {
            strategy: {
                stages: handOff.stages.map((s) => ({
                    name: s.name,
                    groups: s.groups.map((g) => ({ name: g.name })),
                    ...(s.afterStageWaitInSeconds ? { afterStageWaitInSeconds: s.afterStageWaitInSeconds } : {}),
                })),
            },
            managedClusterUpdate: {
                upgrade: {
                    type: handOff.upgradeType,
                    ...(handOff.kubernetesVersion ? { kubernetesVersion: handOff.kubernetesVersion } : {}),
                },
                nodeImageSelection: { type: 'Custom', customNodeImageVersions: [{ version: handOff.nodeImageVersion }] },
            },
        },
    };
}

/** Fleet's names for update runs: lower-case letters, digits and hyphens, starting and ending with a letter or digit, at most 50. */
export const UPDATE_RUN_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** The run's name: the snapshot's name in Fleet's letters, and the plan's id so that one plan is one run. */
export function updateRunName(snapshotName: string, planId: string): string {
    const suffix =
        planId
            .replace(/[^a-z0-9]/gi, '')
            .toLowerCase()
            .slice(0, 8) || '0';
    const stem = snapshotName
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .replace(/-{2,}/g, '-')
        .slice(0, 50 - suffix.length - 1)
        .replace(/-+$/g, '');
    return stem ? `${stem}-${suffix}` : suffix;
}

/** Each planned pool's outcome as the run reports its cluster's member: where Fleet holds the roll-out's state. */
export function poolStatusesFromRun(plan: RolloutPlan, run: UpdateRun): Record<string, { status: PoolStatus; message?: string }> {
    const updates = run.stages.flatMap((s) => s.groups.flatMap((g) => g.members));
    const result: Record<string, { status: PoolStatus; message?: string }> = {};
    for (const p of plan.waves.flat()) {
        const update = updates.find((m) => isSameArmId(m.clusterId, p.clusterId));
        result[p.poolId] = update
            ? { status: poolStatusOf(update.state), ...(update.message ? { message: update.message } : {}) }
            : { status: 'skipped' };
    }
    return result;
}

function poolStatusOf(state: UpdateState): PoolStatus {
    switch (state) {
        case 'Running':
        case 'Stopping':
            return 'running';
        case 'Completed':
            return 'succeeded';
        case 'Failed':
            return 'failed';
        case 'Skipped':
            return 'skipped';
        default:
            return 'pending';
    }
}

function sameGroup(a: string | undefined, b: string): boolean {
    return !!a && a.toLowerCase() === b.toLowerCase();
}

function clusterName(id: string): string {
    return parseArmId(id)?.name ?? id;
}

function unique<T>(items: readonly T[], key: (t: T) => unknown = (t) => t): T[] {
    const seen = new Set<unknown>();
    return items.filter((t) => !seen.has(key(t)) && !!seen.add(key(t)));
}
