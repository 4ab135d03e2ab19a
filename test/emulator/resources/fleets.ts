import { assertRunning } from '../aksRules';
import { aksError, ArmError, checkConditions, clone, Json, key, newETag } from '../http';
import type { RouteTable } from '../routes';
import { armNow } from '../knobs';
import { latestNodeImageOf } from '../seeds';
import type { ClusterRecord } from '../shapes';
import type { FleetMemberRecord, FleetRecord, FleetUpdateState, UpdateRunRecord } from '../state';
import { notFound } from './agentPools';
import { Context, page } from './context';

/**
 * Azure Kubernetes Fleet Manager: fleets, their members, update strategies and update runs, as the REST API 2025-03-01
 * serves them (the paths, models and enums of `@azure/arm-containerservicefleet` 2.0.0, generated from that spec) and
 * Fleet's docs describe them. Facts used, each where it applies:
 *
 * - F1 `UpdateRunStrategy` (SDK model doc): stages run one after another; the groups of a stage at once; the members
 *   of a group one after another. A valid strategy names no group twice, within a stage or across stages.
 * - F2 `UpdateStage.afterStageWaitInSeconds` (SDK model doc): the wait after a stage before the next; 0 if unset.
 * - F3 "Define reusable update strategies" (learn.microsoft.com/azure/kubernetes-fleet/update-create-update-strategy):
 *   a member is in at most one update group (`FleetMember.group`); a group is only a name members carry.
 * - F4 `ManagedClusterUpgradeSpec` (SDK model doc): `Full` and `ControlPlaneOnly` need `kubernetesVersion`;
 *   `NodeImageOnly` must not have it.
 * - F5 `NodeImageSelection` (SDK model doc): `Custom` needs `customNodeImageVersions`, at most one version per node
 *   image family; "If the nodes belong to a family without a matching image version in this field, they are not
 *   upgraded." Other selections must leave the list empty.
 * - F6 `UpdateState` (SDK enum): NotStarted, Running, Stopping, Stopped, Skipped, Failed, Completed.
 * - F7 `UpdateRuns_CreateOrUpdate` answers 200/201 and `Start`/`Stop`/`Skip` 200/202 (SDK operations): the emulator
 *   answers at once, the run moving on in the background as Fleet's does.
 * - F8 `SkipTarget` (SDK model doc): a skip names members, groups, stages (with their wait) or a stage's wait alone, by
 *   name (a wait by its stage's name); what it names ends Skipped.
 * - F9 "Update Kubernetes and node images across multiple member clusters" (learn.microsoft.com/azure/kubernetes-fleet/
 *   update-orchestration): Fleet upgrades each member through AKS, so AKS's own refusals apply (a stopped cluster takes
 *   only start or delete); the member's update fails with AKS's error, and a failed member fails its group, its stage
 *   and the run: nothing after it starts (`MemberUpdateStatus.message`, `UpdateStatus.error`).
 * - F10 "Update Kubernetes and node images across multiple member clusters" (learn.microsoft.com/azure/kubernetes-fleet/
 *   concepts-update-orchestration): "All update runs (manual or automated) honor member cluster maintenance windows."
 *   A member whose window is closed waits, Running, its message saying why (assumed: the state and words).
 * - F11 `UpdateRunProperties.updateStrategyId` (SDK model doc): a run's strategy is set in place, or taken from a
 *   reusable `FleetUpdateStrategy` ("snapshot the referenced UpdateStrategy at the time of creation and store it in the
 *   strategy field"; later changes to it do not propagate), or left unset (every member one by one); "Setting both
 *   updateStrategyId and strategy is invalid."
 *
 * Where Fleet's docs are silent the emulator says "assumed": what a member's update does to a pool's snapshot link
 * (`creationData`; left as it was), whether a started run can be changed (refused), what a stop does to the member
 * being updated (it finishes; nothing after it starts). Members take `fleetMemberSeconds` each.
 */
export function registerFleets(table: RouteTable, context: Context): void {
    const base = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/fleets';
    const fleetOf = (params: Record<string, string>): FleetRecord =>
        found(
            context.state().fleets,
            key(params.subscriptionId, params.resourceGroup, params.fleet),
            'fleets',
            params.fleet,
            params.resourceGroup,
        );
    table.add(
        'fleets.listBySubscription',
        'GET',
        '/subscriptions/{subscriptionId}/providers/Microsoft.ContainerService/fleets',
        (request, params) => {
            const state = context.state();
            const sub = state.subscription(params.subscriptionId).subscriptionId.toLowerCase();
            return page(context, request, [...state.fleets.values()].filter((f) => f.subscriptionId.toLowerCase() === sub).map(fleetJson));
        },
    );
    table.add('fleets.get', 'GET', `${base}/{fleet}`, (_request, params) => ({ status: 200, body: fleetJson(fleetOf(params)) }));
    table.add('fleetMembers.listByFleet', 'GET', `${base}/{fleet}/members`, (request, params) => {
        const fleet = fleetOf(params);
        return page(
            context,
            request,
            [...fleet.members.values()].map((m) => memberJson(fleet, m)),
        );
    });
    table.add('fleetMembers.get', 'GET', `${base}/{fleet}/members/{member}`, (_request, params) => {
        const fleet = fleetOf(params);
        const member = found(fleet.members, params.member.toLowerCase(), 'fleets/members', params.member, params.resourceGroup);
        return { status: 200, body: memberJson(fleet, member) };
    });
    const strategyJson = (fleet: FleetRecord, record: { name: string; strategy: Json; eTag: string }): Json => ({
        id: `${fleetId(fleet)}/updateStrategies/${record.name}`,
        name: record.name,
        type: 'Microsoft.ContainerService/fleets/updateStrategies',
        eTag: record.eTag,
        properties: { provisioningState: 'Succeeded', strategy: clone(record.strategy) },
    });
    table.add('fleetUpdateStrategies.listByFleet', 'GET', `${base}/{fleet}/updateStrategies`, (request, params) => {
        const fleet = fleetOf(params);
        return page(
            context,
            request,
            [...fleet.updateStrategies.values()].map((r) => strategyJson(fleet, r)),
        );
    });
    table.add('fleetUpdateStrategies.get', 'GET', `${base}/{fleet}/updateStrategies/{strategy}`, (_request, params) => {
        const fleet = fleetOf(params);
        const record = found(
            fleet.updateStrategies,
            params.strategy.toLowerCase(),
            'fleets/updateStrategies',
            params.strategy,
            params.resourceGroup,
        );
        return { status: 200, body: strategyJson(fleet, record) };
    });
    table.add('fleetUpdateStrategies.createOrUpdate', 'PUT', `${base}/{fleet}/updateStrategies/{strategy}`, (request, params) => {
        const fleet = fleetOf(params);
        const existing = fleet.updateStrategies.get(params.strategy.toLowerCase());
        checkConditions(request, existing, `update strategy ${params.strategy}`);
        const strategy = (((request.body as Json | undefined)?.properties ?? {}) as Json).strategy as Json | undefined;
        if (!strategy) {
            throw aksError(400, 'InvalidRequest', 'properties.strategy is required.');
        }
        // Checked as a run's strategy is (F1, F3).
        stagesOf(strategy, fleet);
        const record = { name: params.strategy, strategy: clone(strategy), eTag: newETag() };
        fleet.updateStrategies.set(params.strategy.toLowerCase(), record);
        return { status: existing ? 200 : 201, body: strategyJson(fleet, record), headers: { etag: record.eTag } };
    });
    table.add('updateRuns.listByFleet', 'GET', `${base}/{fleet}/updateRuns`, (request, params) => {
        const fleet = fleetOf(params);
        return page(
            context,
            request,
            [...fleet.updateRuns.values()].map((r) => updateRunJson(fleet, r)),
        );
    });
    const runOf = (params: Record<string, string>): { fleet: FleetRecord; run: UpdateRunRecord } => {
        const fleet = fleetOf(params);
        return { fleet, run: found(fleet.updateRuns, params.run.toLowerCase(), 'fleets/updateRuns', params.run, params.resourceGroup) };
    };
    table.add('updateRuns.get', 'GET', `${base}/{fleet}/updateRuns/{run}`, (_request, params) => {
        const { fleet, run } = runOf(params);
        return { status: 200, body: updateRunJson(fleet, run) };
    });
    table.add('updateRuns.createOrUpdate', 'PUT', `${base}/{fleet}/updateRuns/{run}`, (request, params) => {
        const fleet = fleetOf(params);
        const existing = fleet.updateRuns.get(params.run.toLowerCase());
        checkConditions(request, existing, `update run ${params.run}`);
        // Assumed: a run that has started is not changed.
        if (existing && existing.state !== 'NotStarted') {
            throw aksError(409, 'Conflict', `Update run ${params.run} has started: it cannot be changed.`);
        }
        const properties = ((request.body as Json | undefined)?.properties ?? {}) as Json;
        const run = newUpdateRun(params.run, fleet, properties, context);
        fleet.updateRuns.set(params.run.toLowerCase(), run);
        return { status: existing ? 200 : 201, body: updateRunJson(fleet, run), headers: { etag: run.eTag } };
    });
    table.add('updateRuns.start', 'POST', `${base}/{fleet}/updateRuns/{run}/start`, (request, params) => {
        const { fleet, run } = runOf(params);
        checkConditions(request, run, `update run ${params.run}`);
        if (run.state !== 'NotStarted' && run.state !== 'Stopped') {
            throw aksError(409, 'Conflict', `Update run ${params.run} is ${run.state}: only a run not started or stopped can start.`);
        }
        run.state = 'Running';
        run.startTime ??= new Date().toISOString();
        run.eTag = newETag();
        void advance(run, context);
        return { status: 200, body: updateRunJson(fleet, run) };
    });
    table.add('updateRuns.stop', 'POST', `${base}/{fleet}/updateRuns/{run}/stop`, (request, params) => {
        const { fleet, run } = runOf(params);
        checkConditions(request, run, `update run ${params.run}`);
        if (run.state !== 'Running') {
            throw aksError(409, 'Conflict', `Update run ${params.run} is ${run.state}: only a running run can stop.`);
        }
        // Stopping, then Stopped (F6). Assumed: the member being updated finishes; nothing after it starts.
        run.state = 'Stopping';
        run.eTag = newETag();
        return { status: 200, body: updateRunJson(fleet, run) };
    });
    table.add('updateRuns.skip', 'POST', `${base}/{fleet}/updateRuns/{run}/skip`, (request, params) => {
        const { fleet, run } = runOf(params);
        checkConditions(request, run, `update run ${params.run}`);
        const targets = (((request.body as Json | undefined)?.targets ?? []) as { type?: string; name?: string }[]).map((t) => ({
            type: t.type ?? '',
            name: (t.name ?? '').toLowerCase(),
        }));
        if (targets.length === 0) {
            throw aksError(400, 'InvalidRequest', 'targets must name at least one member, group, stage or after-stage wait.');
        }
        // Checked whole before any is skipped: a skip that names something unknown or finished changes nothing (assumed).
        const skips = targets.map((target) => skipOf(run, target.type, target.name));
        skips.forEach((skip) => skip());
        run.eTag = newETag();
        return { status: 200, body: updateRunJson(fleet, run) };
    });
}

/** The record a path names (its map's key), or ARM's 404 for it. */
function found<T>(records: ReadonlyMap<string, T>, k: string, type: string, name: string, resourceGroup: string): T {
    const record = records.get(k);
    if (!record) {
        throw notFound(type, name, resourceGroup);
    }
    return record;
}

/** What skipping one target does (F8), once it is known to be there and not finished; else 400. */
function skipOf(run: UpdateRunRecord, type: string, name: string): () => void {
    const refuse = (what: string): never => {
        throw aksError(400, 'InvalidRequest', `The update run has no ${type} "${name}" ${what}.`);
    };
    const open = (state: FleetUpdateState): boolean => state !== 'Completed' && state !== 'Failed' && state !== 'Skipped';
    const stage = run.stages.find((s) => s.name.toLowerCase() === name);
    const groups = run.stages.flatMap((s) => s.groups);
    const group = groups.find((g) => g.name.toLowerCase() === name);
    const member = groups.flatMap((g) => g.members).find((m) => m.name.toLowerCase() === name);
    const skipGroup = (g: (typeof groups)[number]): void => {
        g.state = 'Skipped';
        g.members.filter((m) => open(m.state)).forEach((m) => (m.state = 'Skipped'));
    };
    switch (type) {
        case 'Member':
            return member && open(member.state) ? () => (member.state = 'Skipped') : refuse('left to update');
        case 'Group':
            return group && open(group.state) ? () => skipGroup(group) : refuse('left to update');
        case 'Stage':
            return stage && open(stage.state)
                ? () => {
                      stage.state = 'Skipped';
                      stage.groups.filter((g) => open(g.state)).forEach(skipGroup);
                      stage.waiting = { waitDurationInSeconds: stage.afterStageWaitInSeconds, state: 'Skipped' };
                  }
                : refuse('left to update');
        case 'AfterStageWait':
            return stage && stage.afterStageWaitInSeconds > 0 && (!stage.waiting || open(stage.waiting.state))
                ? () => (stage.waiting = { waitDurationInSeconds: stage.afterStageWaitInSeconds, state: 'Skipped' })
                : refuse('with a wait left');
        default:
            return refuse('(a target is a Member, Group, Stage or AfterStageWait)');
    }
}

/** The stages, groups and members a run will update (F1, F3), checked as Fleet checks them before it accepts the run. */
function newUpdateRun(name: string, fleet: FleetRecord, properties: Json, context: Context): UpdateRunRecord {
    const update = (properties.managedClusterUpdate ?? {}) as Json;
    const upgrade = (update.upgrade ?? {}) as { type?: string; kubernetesVersion?: string };
    const selection = (update.nodeImageSelection ?? { type: 'Latest' }) as {
        type?: string;
        customNodeImageVersions?: { version?: string }[];
    };
    const invalid = (message: string): never => {
        throw aksError(400, 'InvalidRequest', message);
    };
    if (!['Full', 'NodeImageOnly', 'ControlPlaneOnly'].includes(upgrade.type ?? '')) {
        invalid(`managedClusterUpdate.upgrade.type must be Full, NodeImageOnly or ControlPlaneOnly, not "${upgrade.type ?? ''}".`);
    }
    if ((upgrade.type === 'NodeImageOnly') === !!upgrade.kubernetesVersion) {
        invalid(
            `managedClusterUpdate.upgrade.kubernetesVersion is ${upgrade.type === 'NodeImageOnly' ? 'not allowed' : 'required'} for ${upgrade.type}.`,
        );
    }
    const custom = (selection.customNodeImageVersions ?? []).map((v) => v.version ?? '');
    if (selection.type === 'Custom') {
        if (custom.length === 0) {
            invalid('nodeImageSelection.customNodeImageVersions is required when nodeImageSelection.type is Custom.');
        }
        const families = custom.map(imageFamily);
        const twice = families.find((f, i) => families.indexOf(f) !== i);
        if (twice) {
            invalid(`nodeImageSelection.customNodeImageVersions has more than one version of the family ${twice}.`);
        }
    } else if (custom.length > 0) {
        invalid(`nodeImageSelection.customNodeImageVersions must be empty when nodeImageSelection.type is ${selection.type}.`);
    }
    // F11: a strategy in place, or a reusable one copied at creation (not both), or none.
    const strategyId = typeof properties.updateStrategyId === 'string' ? properties.updateStrategyId : undefined;
    if (strategyId && properties.strategy) {
        invalid('Setting both updateStrategyId and strategy is invalid.');
    }
    const referenced = strategyId
        ? fleet.updateStrategies.get((/\/updateStrategies\/([^/]+)$/i.exec(strategyId)?.[1] ?? '').toLowerCase())
        : undefined;
    if (strategyId && !referenced) {
        invalid(`The update strategy ${strategyId} was not found in fleet ${fleet.name}.`);
    }
    const strategy = referenced ? clone(referenced.strategy) : (properties.strategy as Json | undefined);
    const stagesIn = strategy ? stagesOf(strategy, fleet) : [];
    const members = [...fleet.members.values()];
    // Without a strategy, every member one after another (Fleet's docs: "one by one").
    const stages = stagesIn.length ? stagesIn : [{ name: 'default', groups: ['default'], afterStageWaitInSeconds: 0 }];
    return {
        name,
        eTag: newETag(),
        state: 'NotStarted',
        properties: clone({ ...properties, ...(strategy ? { strategy } : {}) }),
        upgradeType: upgrade.type!,
        kubernetesVersion: upgrade.kubernetesVersion,
        selectionType: selection.type ?? 'Latest',
        customVersions: custom,
        stages: stages.map((s) => ({
            name: s.name,
            afterStageWaitInSeconds: s.afterStageWaitInSeconds,
            state: 'NotStarted',
            groups: s.groups.map((g) => ({
                name: g,
                state: 'NotStarted',
                members: members
                    .filter((m) => !stagesIn.length || (m.group ?? '').toLowerCase() === g.toLowerCase())
                    .map((m) => ({ name: m.name, clusterResourceId: m.clusterResourceId, state: 'NotStarted' })),
            })),
        })),
        memberSeconds: context.knobs.fleetMemberSeconds,
    };
}

/** A strategy's stages, checked as Fleet checks them (F1, F3): no group twice, each group some member's. */
function stagesOf(strategy: Json, fleet: FleetRecord): { name: string; groups: string[]; afterStageWaitInSeconds: number }[] {
    const stages = ((strategy.stages ?? []) as Json[]).map((s) => ({
        name: String(s.name ?? ''),
        groups: ((s.groups ?? []) as Json[]).map((g) => String(g.name ?? '')),
        afterStageWaitInSeconds: Number(s.afterStageWaitInSeconds ?? 0),
    }));
    const named = stages.flatMap((s) => s.groups);
    const repeated = named.find((g, i) => named.indexOf(g) !== i);
    if (repeated) {
        throw aksError(400, 'InvalidRequest', `The update group ${repeated} appears more than once in the strategy.`);
    }
    for (const group of named) {
        if (![...fleet.members.values()].some((m) => (m.group ?? '').toLowerCase() === group.toLowerCase())) {
            throw aksError(400, 'InvalidRequest', `The update group ${group} has no member in fleet ${fleet.name}.`);
        }
    }
    return stages;
}

/** Runs the run on from where it is: stages in turn, their groups at once, each group's members in turn (F1, F2). */
async function advance(run: UpdateRunRecord, context: Context): Promise<void> {
    const sleep = (seconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, seconds * 1000).unref());
    const stopping = (): boolean => run.state !== 'Running';
    for (const stage of run.stages) {
        if (stage.state === 'Completed' || stage.state === 'Skipped') {
            continue;
        }
        stage.state = 'Running';
        await Promise.all(
            stage.groups.map(async (group) => {
                if (group.state === 'Completed' || group.state === 'Skipped') {
                    return;
                }
                group.state = 'Running';
                for (const member of group.members) {
                    if (member.state === 'Completed' || member.state === 'Skipped') {
                        continue;
                    }
                    if (stopping()) {
                        group.state = 'Stopped';
                        return;
                    }
                    member.state = 'Running';
                    // F10: until the member's window for this kind of update is open (or the run stops).
                    for (let window = closedWindow(context, member.clusterResourceId, run); window && !stopping(); ) {
                        member.message = `Waiting for the planned maintenance window ${window} of the member cluster.`;
                        await sleep(0.1);
                        window = closedWindow(context, member.clusterResourceId, run);
                    }
                    delete member.message;
                    if (stopping()) {
                        member.state = 'NotStarted';
                        group.state = 'Stopped';
                        return;
                    }
                    await sleep(run.memberSeconds);
                    const cluster = context.state().findCluster(member.clusterResourceId);
                    const failure = !cluster
                        ? `The member cluster ${member.clusterResourceId} was not found.`
                        : refusal(() => assertRunning(cluster.properties.powerState, `managed cluster '${cluster.name}'`));
                    if (failure || !cluster) {
                        member.state = 'Failed';
                        member.message = failure;
                        group.state = 'Failed';
                        return;
                    }
                    updateMember(cluster, run);
                    member.state = 'Completed';
                }
                group.state = 'Completed';
            }),
        );
        if (stage.groups.some((g) => g.state === 'Failed')) {
            // A member that fails fails its group, its stage and the run: nothing after it starts.
            stage.state = 'Failed';
            run.state = 'Failed';
            run.completedTime = new Date().toISOString();
            return;
        }
        if (stage.groups.some((g) => g.state === 'Stopped')) {
            stage.state = 'Stopped';
            run.state = 'Stopped';
            return;
        }
        if (stage.afterStageWaitInSeconds > 0 && stage !== run.stages[run.stages.length - 1] && !stage.waiting) {
            const waiting = { waitDurationInSeconds: stage.afterStageWaitInSeconds, state: 'Running' as FleetUpdateState };
            stage.waiting = waiting;
            // Until the wait is over, or skipped (F8).
            const until = Date.now() + stage.afterStageWaitInSeconds * 1000;
            while (Date.now() < until && stage.waiting === waiting) {
                await sleep(Math.min(0.1, (until - Date.now()) / 1000));
            }
            if (stage.waiting === waiting) {
                waiting.state = 'Completed';
            }
        }
        stage.state = 'Completed';
        if (stopping()) {
            run.state = 'Stopped';
            return;
        }
    }
    run.state = 'Completed';
    run.completedTime = new Date().toISOString();
}

/**
 * The member cluster's planned maintenance configuration for the run's kind of update, when its window is closed at
 * ARM's clock now (F10): `aksManagedNodeOSUpgradeSchedule` for node images only, `aksManagedAutoUpgradeSchedule`
 * otherwise (assumed: Fleet's docs name no configuration). Weekly and daily windows are read; others count as open.
 */
function closedWindow(context: Context, clusterResourceId: string, run: UpdateRunRecord): string | undefined {
    const name = run.upgradeType === 'NodeImageOnly' ? 'aksManagedNodeOSUpgradeSchedule' : 'aksManagedAutoUpgradeSchedule';
    const cluster = context.state().findCluster(clusterResourceId);
    const config = [...(cluster?.maintenance ?? new Map<string, Json>())].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    const window = config?.maintenanceWindow as
        | {
              schedule?: { weekly?: { dayOfWeek?: string }; daily?: unknown };
              durationHours?: number;
              startTime?: string;
              utcOffset?: string;
          }
        | undefined;
    if (!window?.schedule || (!window.schedule.weekly && !window.schedule.daily)) {
        return undefined;
    }
    const offset = /^([+-])(\d\d):(\d\d)$/.exec(window.utcOffset ?? '+00:00');
    const offsetMs = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
    const local = new Date(armNow(context.knobs).getTime() + offsetMs);
    const [hours, minutes] = (window.startTime ?? '00:00').split(':').map(Number);
    const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    // The window that began most recently, today or up to a week back, and whether now is within its duration.
    for (let back = 0; back <= 7; back++) {
        const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back, hours, minutes);
        const weekday = days[new Date(start).getUTCDay()];
        if (start <= local.getTime() && (window.schedule.daily || window.schedule.weekly?.dayOfWeek === weekday)) {
            return local.getTime() < start + (window.durationHours ?? 0) * 3_600_000 ? undefined : name;
        }
    }
    return name;
}

/** What AKS answers a member's upgrade it refuses (F9), as Fleet reports it on the member: `code: message`. */
function refusal(check: () => void): string | undefined {
    try {
        check();
        return undefined;
    } catch (error) {
        if (!(error instanceof ArmError)) {
            throw error;
        }
        const body = error.body as { code?: string; message?: string };
        return `${body.code}: ${body.message}`;
    }
}

/** One member's update as the run asks it (F4, F5): a custom image only for the pools of its family. */
function updateMember(cluster: ClusterRecord, run: UpdateRunRecord): void {
    const properties = cluster.properties as Json;
    if (run.upgradeType !== 'NodeImageOnly' && run.kubernetesVersion) {
        properties.kubernetesVersion = run.kubernetesVersion;
        properties.currentKubernetesVersion = run.kubernetesVersion;
    }
    if (run.upgradeType === 'ControlPlaneOnly') {
        return;
    }
    for (const pool of cluster.pools.values()) {
        const pp = pool.properties as Json;
        if (run.upgradeType === 'Full' && run.kubernetesVersion) {
            pp.orchestratorVersion = run.kubernetesVersion;
            pp.currentOrchestratorVersion = run.kubernetesVersion;
        }
        const current = String(pp.nodeImageVersion ?? '');
        const family = imageFamily(current);
        const image =
            run.selectionType === 'Custom'
                ? run.customVersions.find((v) => imageFamily(v) === family)
                : latestNodeImageOf(pp, cluster.location);
        if (image) {
            pp.nodeImageVersion = image;
        }
        pool.eTag = newETag();
    }
    cluster.eTag = newETag();
}

/** A node image version's family: the version less its date, as `AKSUbuntu-2204gen2containerd` of `…-202611.03.0`. */
export function imageFamily(version: string): string {
    return version.replace(/-[^-]+$/, '');
}

function fleetJson(fleet: FleetRecord): Json {
    return {
        id: fleetId(fleet),
        name: fleet.name,
        type: 'Microsoft.ContainerService/fleets',
        location: fleet.location,
        eTag: fleet.eTag,
        properties: { provisioningState: 'Succeeded' },
    };
}

function fleetId(fleet: FleetRecord): string {
    return `/subscriptions/${fleet.subscriptionId}/resourceGroups/${fleet.resourceGroup}/providers/Microsoft.ContainerService/fleets/${fleet.name}`;
}

function memberJson(fleet: FleetRecord, member: FleetMemberRecord): Json {
    return {
        id: `${fleetId(fleet)}/members/${member.name}`,
        name: member.name,
        type: 'Microsoft.ContainerService/fleets/members',
        eTag: member.eTag,
        properties: {
            clusterResourceId: member.clusterResourceId,
            ...(member.group ? { group: member.group } : {}),
            provisioningState: 'Joined',
        },
    };
}

function updateRunJson(fleet: FleetRecord, run: UpdateRunRecord): Json {
    const status = (state: string, extra: Json = {}): Json => ({ status: { state, ...extra } });
    return {
        id: `${fleetId(fleet)}/updateRuns/${run.name}`,
        name: run.name,
        type: 'Microsoft.ContainerService/fleets/updateRuns',
        eTag: run.eTag,
        properties: {
            ...clone(run.properties),
            provisioningState: 'Succeeded',
            status: {
                ...status(run.state, {
                    ...(run.startTime ? { startTime: run.startTime } : {}),
                    ...(run.completedTime ? { completedTime: run.completedTime } : {}),
                }),
                stages: run.stages.map((stage) => ({
                    name: stage.name,
                    ...status(stage.state),
                    groups: stage.groups.map((group) => ({
                        name: group.name,
                        ...status(group.state),
                        members: group.members.map((m) => ({
                            name: m.name,
                            clusterResourceId: m.clusterResourceId,
                            ...status(m.state),
                            ...(m.message ? { message: m.message } : {}),
                        })),
                    })),
                    ...(stage.waiting
                        ? {
                              afterStageWaitStatus: {
                                  waitDurationInSeconds: stage.waiting.waitDurationInSeconds,
                                  ...status(stage.waiting.state),
                              },
                          }
                        : {}),
                })),
                ...(run.selectionType === 'Custom'
                    ? { nodeImageSelection: { selectedNodeImageVersions: run.customVersions.map((version) => ({ version })) } }
                    : {}),
            },
        },
    };
}
