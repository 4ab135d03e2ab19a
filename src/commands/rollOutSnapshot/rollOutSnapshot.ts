import { IActionContext, IAzureQuickPickItem, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import type { Cluster, NodePool, Snapshot } from '../../model/aks';
import { reimagingChannel } from '../../model/channels';
import { rolloutTarget } from '../../model/changes';
import { parseWholeNumber, surgeProblems } from '../../model/poolOptions';
import {
    countByStatus,
    DEFAULT_ROLLOUT_SETTINGS,
    MAX_CONCURRENCY,
    LEASE_RENEW_MS,
    newRolloutState,
    PlannedPool,
    runningElsewhere,
    planWaves,
    RolloutCandidate,
    rolloutCandidate,
    RolloutPlan,
    RolloutSettings,
    PoolOutcome,
    RolloutState,
    SkippedPool,
} from '../../model/rollout';
import { ext } from '../../extensionVariables';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { SnapshotItem } from '../../tree/SnapshotItem';
import { AdvancedOption, editAdvancedOptions, pickedOption, typedOption } from '../common/advancedOptions';
import type { ReadOnlyDocuments } from '../common/ReadOnlyDocuments';
import type { RunningOperations } from '../common/runningOperations';
import { requireSomethingRead, unreadableSubscriptions } from '../common/unreadableSubscriptions';
import { toldIfCancelled } from '../common/toldIfCancelled';
import { reached } from '../../walkthrough';
import { readManyPoolUpgrades, upgradeFacts } from '../common/upgradeFacts';
import { describeProblem, describeProblems } from '../../messages/describeProblem';
import { UpgradeSettingsHolder, upgradeSettingOptions } from '../common/upgradeSettings';
import type { LongOperationContext } from '../common/guardedChange';
import { pickTreeElement } from '../pickTreeElement';
import { planDocument, poolUpgradeLine, rolloutScript, settingsText, summaryDocument } from './rolloutDocuments';
import { RolloutRunner } from './RolloutRunner';
import { abortStillRunning } from './abortStillRunning';
import type { RolloutStore } from './RolloutStore';
import { azShell } from '../reportAzCommand';
import { required } from '../../model/required';
import { dateTimeWords } from '../../messages/dateWords';
import { FleetHandOff, FleetOffer, fleetOffer, UpdateRun } from '../../model/fleet';
import { describeRefusal, handOffDocument } from '../runInFleet/fleetDocuments';
import { readFleets, runInFleet } from '../runInFleet/runInFleet';

/** What a roll-out needs from the extension. */
export interface RolloutServices {
    readonly services: AksServices;
    readonly tree: AksTreeDataProvider;
    readonly operations: RunningOperations;
    readonly store: RolloutStore;
    readonly documents: ReadOnlyDocuments;
}

interface Choice {
    readonly cluster: Cluster;
    readonly pool: NodePool;
    readonly candidate: RolloutCandidate;
}

/** The roll-outs this extension host runs now (a lease of this window's session from before a reload is not one). */
const runningHere = new Set<string>();

/** Where a pool's part in a roll-out is over. */
const ENDED: readonly PoolOutcome['status'][] = ['succeeded', 'failed', 'skipped'];

/** "1 node pool", "3 node pools", "1 wave", "3 waves". */
function countOf(n: number, what: 'pool' | 'wave'): string {
    if (what === 'pool') {
        return n === 1 ? vscode.l10n.t('1 node pool') : vscode.l10n.t('{0} node pools', n);
    }
    return n === 1 ? vscode.l10n.t('1 wave') : vscode.l10n.t('{0} waves', n);
}

function candidateText(candidate: RolloutCandidate, pool: NodePool, snapshot: Snapshot): string {
    switch (candidate.kind) {
        case 'upgrade':
            return candidate.path === 'nodeImageOnly'
                ? vscode.l10n.t('node image only: {0} → {1}', pool.nodeImageVersion ?? '?', snapshot.nodeImageVersion)
                : vscode.l10n.t('Kubernetes and node image: {0} → {1}', pool.kubernetesVersion, snapshot.kubernetesVersion);
        case 'current':
            return vscode.l10n.t('already on it');
        case 'impossible':
            return vscode.l10n.t('not possible: {0}', describeProblems(candidate.problems));
    }
}

/**
 * Right-click a snapshot → Roll Out Snapshot… (or the palette): choose pools in every subscription, see the plan
 * (waves, paths, settings), then run it wave by wave, safely and resumably, and read the summary.
 */
export async function rollOutSnapshot(
    context: IActionContext & LongOperationContext,
    r: RolloutServices,
    node?: SnapshotItem,
): Promise<RolloutState | UpdateRun | undefined> {
    const item = await pickTreeElement(
        context,
        r.tree,
        [SnapshotItem.contextValue],
        node,
        vscode.l10n.t('Roll Out Snapshot: the snapshot to roll out'),
    );
    const snapshot = await (await r.services.forSubscription(item.snapshot.subscriptionId)).getSnapshot(item.snapshot.id);
    const { items: clusters, failures } = await r.services.fromEverySubscription((s) => s.listClusters());
    requireSomethingRead(clusters, failures);
    const paths = await readManyPoolUpgrades(
        r.services,
        clusters.flatMap((c) => c.nodePools),
        snapshot,
    );
    const choices: Choice[] = clusters
        .sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId) || a.name.localeCompare(b.name))
        .flatMap((cluster) =>
            cluster.nodePools.map((pool) => ({
                cluster,
                pool,
                candidate: rolloutCandidate(pool, cluster, snapshot, upgradeFacts(paths.get(pool.id))),
            })),
        );
    const flow = vscode.l10n.t('Roll out snapshot "{0}"', snapshot.name);
    const { plan, uri, handOff } = await toldIfCancelled(context, flow, async () => {
        const picked = await pickPools(context, r.services, snapshot, choices, unreadableSubscriptions(failures));
        return confirmPlan(
            context,
            r,
            snapshot,
            picked,
            choices.filter((c) => !picked.includes(c)),
            clusters,
        );
    });
    if (handOff) {
        reached('rolloutStarted');
        return runInFleet(r, plan, handOff, uri);
    }
    const state = newRolloutState(plan);
    await r.store.save(state);
    reached('rolloutStarted');
    return runRollout(context, r, state, snapshot, uri);
}

/**
 * The plan, shown beside (the document the roll-out then keeps up to date), until the person starts it here or, when
 * every chosen pool's cluster is a member of one fleet, hands it to Fleet Manager.
 */
async function confirmPlan(
    context: IActionContext,
    r: RolloutServices,
    snapshot: Snapshot,
    picked: Choice[],
    others: Choice[],
    clusters: readonly Cluster[],
): Promise<{ plan: RolloutPlan; uri: vscode.Uri; handOff?: FleetHandOff }> {
    const fleets = await readFleets(r.services);
    const uri = r.documents.add(`rollout-${snapshot.name}.md`, '');
    let settings = DEFAULT_ROLLOUT_SETTINGS;
    // What Upgrade to Snapshot warns of, shown once before the first wave: each cluster whose channels will move its
    // pools off the snapshot again (R7). (R12's age refuses, as each pool's problems.)
    const warnings = [...new Map(picked.map((c) => [c.cluster.id, c.cluster])).values()]
        .map(reimagingChannel)
        .filter((w) => w !== undefined);
    for (;;) {
        const plan = buildPlan(snapshot, picked, others, settings);
        r.documents.update(uri, planDocument(plan));
        await showDocument(uri);
        const start: vscode.MessageItem = { title: vscode.l10n.t('Start Roll-out') };
        const change: vscode.MessageItem = { title: vscode.l10n.t('Change Settings…') };
        const copy: vscode.MessageItem = { title: vscode.l10n.t('Copy az Script') };
        const inFleet: vscode.MessageItem = { title: vscode.l10n.t('Run in Fleet Manager…') };
        const offer = fleetOffer(plan, clusters, fleets);
        // Offered when every chosen pool's cluster is a member of one fleet; what else stands in the way is said when chosen.
        const fleetOffered = offer.kind === 'possible' || !offer.refusals.some((f) => f.code === 'notMember' || f.code === 'severalFleets');
        // A surge-less upgrade needs max unavailable first: until then the roll-out cannot start.
        const blocked = surgeProblems(settings.upgrade?.maxSurge, settings.upgrade?.maxUnavailable);
        const detail = [
            vscode.l10n.t(
                'Settings: {0}. The plan is open beside; every upgrade reads its pool again, checks the rules again and goes only to the pool as read.',
                settingsText(settings),
            ),
            ...warnings.map((w) => `⚠ ${describeProblem(w)}`),
            ...blocked.map((p) => `⛔ ${describeProblem(p)}`),
        ].join('\n');
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t(
                'Roll out snapshot "{0}" to {1} in {2}?',
                snapshot.name,
                countOf(plan.waves.flat().length, 'pool'),
                countOf(plan.waves.length, 'wave'),
            ),
            { modal: true, detail, stepName: 'confirmRollout' },
            ...(blocked.length ? [] : [start]),
            ...(fleetOffered ? [inFleet] : []),
            change,
            copy,
        );
        if (choice === inFleet) {
            const handOff = await confirmHandOff(context, r, plan, offer, uri);
            if (handOff) {
                return { plan, uri, handOff };
            }
            continue;
        }
        if (choice === copy) {
            await vscode.env.clipboard.writeText(rolloutScript(plan));
            continue;
        }
        if (choice === change) {
            settings = await changeSettings(context, settings);
            continue;
        }
        return { plan, uri };
    }
}

/**
 * The plan as Fleet would run it, in the plan's document (stages, groups, the members left, what each chosen cluster's
 * other pools take, the snapshot links), confirmed before anything is sent; or why it cannot be one run.
 */
async function confirmHandOff(
    context: IActionContext,
    r: RolloutServices,
    plan: RolloutPlan,
    offer: FleetOffer,
    uri: vscode.Uri,
): Promise<FleetHandOff | undefined> {
    if (offer.kind === 'impossible') {
        await context.ui
            .showWarningMessage(
                vscode.l10n.t('This plan cannot be one Fleet Manager update run.'),
                { modal: true, detail: offer.refusals.map((f) => `⛔ ${describeRefusal(f)}`).join('\n'), stepName: 'fleetRefused' },
                { title: vscode.l10n.t('Back to the Plan') },
            )
            .catch(() => undefined);
        return undefined;
    }
    const handOff = offer.handOff;
    r.documents.update(uri, handOffDocument(plan, handOff));
    await showDocument(uri);
    const others = handOff.otherPools.length;
    const create: vscode.MessageItem = { title: vscode.l10n.t('Create and Start Update Run') };
    try {
        await context.ui.showWarningMessage(
            vscode.l10n.t('Create update run "{0}" in fleet "{1}" and start it?', handOff.runName, handOff.fleet.name),
            {
                modal: true,
                detail: [
                    vscode.l10n.t(
                        'Stages: {0}. Members left out: {1}. Other node pools of the chosen clusters that take the run too: {2}.',
                        handOff.stages.length,
                        handOff.excluded.length,
                        others,
                    ),
                    vscode.l10n.t(
                        "Fleet runs it on Azure's side, whether or not VS Code stays open. The plan beside says what it does to each cluster.",
                    ),
                ].join('\n'),
                stepName: 'confirmFleetRun',
            },
            create,
        );
        return handOff;
    } catch (error) {
        if (parseError(error).isUserCancelledError) {
            // Back to the plan: it shows the roll-out again.
            return undefined;
        }
        throw error;
    }
}

/**
 * A multi-select of the pools that can take the snapshot, cluster by cluster (the cluster and subscription in each
 * row, so typing either finds them); those already on it, then one row that shows those that cannot take it, each
 * with one short reason (the plan has them all). What is ticked stays ticked when the list is asked again.
 */
async function pickPools(
    context: IActionContext,
    services: AksServices,
    snapshot: Snapshot,
    choices: Choice[],
    unread: string,
): Promise<Choice[]> {
    const names = new Map((await services.listSessions()).map((s) => [s.subscription.subscriptionId.toLowerCase(), s.subscription.name]));
    const where = (c: Choice): string =>
        `${c.cluster.name} · ${names.get(c.cluster.subscriptionId.toLowerCase()) ?? c.cluster.subscriptionId}`;
    const usable = choices.filter((c) => c.candidate.kind === 'upgrade');
    const current = choices.filter((c) => c.candidate.kind === 'current');
    const impossible = choices.filter((c) => c.candidate.kind === 'impossible');
    const showImpossible = Symbol('showImpossible');
    type Row = IAzureQuickPickItem<Choice | typeof showImpossible | undefined>;
    let expanded = false;
    let ticked = new Set<Choice>();
    let placeHolder = vscode.l10n.t('Node pools to roll snapshot "{0}" out to', snapshot.name) + unread;
    for (;;) {
        const items: Row[] = [];
        let lastCluster = '';
        for (const c of usable) {
            if (c.cluster.id !== lastCluster) {
                lastCluster = c.cluster.id;
                items.push({
                    label: `${c.cluster.name} · ${c.cluster.resourceGroup}`,
                    kind: vscode.QuickPickItemKind.Separator,
                    data: undefined,
                });
            }
            items.push({
                label: c.pool.name,
                description: `${where(c)} · ${candidateText(c.candidate, c.pool, snapshot)}`,
                data: c,
                picked: ticked.has(c),
            });
        }
        if (current.length) {
            items.push({ label: vscode.l10n.t('Already on the snapshot'), kind: vscode.QuickPickItemKind.Separator, data: undefined });
            items.push(
                ...current.map(
                    (c): Row => ({
                        label: `$(check) ${c.pool.name}`,
                        description: `${where(c)} · ${vscode.l10n.t('already on it')}`,
                        data: c,
                    }),
                ),
            );
        }
        if (impossible.length && !expanded) {
            items.push({
                label: vscode.l10n.t('$(eye) Show {0} that cannot take it', impossible.length),
                description: vscode.l10n.t('each with its first reason; the plan lists them all'),
                data: showImpossible,
            });
        } else if (impossible.length) {
            items.push({ label: vscode.l10n.t('Cannot take it'), kind: vscode.QuickPickItemKind.Separator, data: undefined });
            items.push(
                ...impossible.map(
                    (c): Row => ({
                        label: `$(circle-slash) ${c.pool.name}`,
                        description: `${where(c)} · ${shortReason(c.candidate)}`,
                        data: c,
                    }),
                ),
            );
        }
        const picked = (
            await context.ui.showQuickPick(items, {
                placeHolder,
                canPickMany: true,
                matchOnDescription: true,
                stepName: 'rolloutPools',
                suppressPersistence: true,
                isPickSelected: (i) => !!(i as Row).picked,
            })
        ).map((i) => i.data);
        const chosen = picked.filter((d): d is Choice => !!d && d !== showImpossible);
        ticked = new Set(chosen.filter((c) => c.candidate.kind === 'upgrade'));
        if (picked.includes(showImpossible)) {
            expanded = true;
            continue;
        }
        const refused = chosen.filter((c) => c.candidate.kind !== 'upgrade');
        if (chosen.length && !refused.length) {
            return chosen;
        }
        placeHolder = refused.length
            ? vscode.l10n.t(
                  '{0} cannot take the snapshot: {1} Choose again.',
                  refused.map((c) => `${c.cluster.name}/${c.pool.name}`).join(', '),
                  candidateText(refused[0].candidate, refused[0].pool, snapshot),
              )
            : vscode.l10n.t('Choose at least one node pool.');
    }
}

/** One short reason for a pool that cannot take the snapshot: its first problem, and how many more the plan lists. */
function shortReason(candidate: RolloutCandidate): string {
    if (candidate.kind !== 'impossible') {
        return '';
    }
    const [first, ...more] = candidate.problems;
    return more.length ? vscode.l10n.t('{0} (and {1} more in the plan)', describeProblem(first), more.length) : describeProblem(first);
}

function buildPlan(snapshot: Snapshot, picked: Choice[], others: Choice[], settings: RolloutSettings): RolloutPlan {
    const planned: PlannedPool[] = picked.map((c) => ({
        poolId: c.pool.id,
        clusterId: c.cluster.id,
        subscriptionId: c.cluster.subscriptionId,
        clusterName: c.cluster.name,
        poolName: c.pool.name,
        path: c.candidate.kind === 'upgrade' ? c.candidate.path : 'kubernetes',
        fromKubernetesVersion: c.pool.kubernetesVersion,
        fromNodeImage: c.pool.nodeImageVersion ?? '',
    }));
    const skipped: SkippedPool[] = others
        .filter((c) => c.candidate.kind !== 'upgrade')
        .map((c) => ({
            poolId: c.pool.id,
            clusterName: c.cluster.name,
            poolName: c.pool.name,
            reason: c.candidate.kind === 'impossible' ? { kind: 'impossible', problems: c.candidate.problems } : { kind: 'current' },
        }));
    return {
        id: crypto.randomUUID(),
        createdAt: new Date().toISOString(),
        settings,
        waves: planWaves(planned, settings),
        skipped,
        snapshot: rolloutTarget(snapshot),
    };
}

async function changeSettings(context: IActionContext, settings: RolloutSettings): Promise<RolloutSettings> {
    const holder = { ...context, settings: { ...settings } } as IActionContext & {
        settings: { -readonly [K in keyof RolloutSettings]: RolloutSettings[K] };
    };
    type C = typeof holder;
    const options: AdvancedOption<C>[] = [
        typedOption<C, number>(
            vscode.l10n.t('Canary wave'),
            vscode.l10n.t('Pools in the first wave, the canary (0 for none).'),
            '1',
            (c) => c.settings.canary,
            String,
            (t) => parseWholeNumber('canary', t, 0, 100, 'product'),
            (c, v) => (c.settings.canary = v ?? DEFAULT_ROLLOUT_SETTINGS.canary),
        ),
        typedOption<C, number>(
            vscode.l10n.t('Wave size'),
            vscode.l10n.t('Pools in each later wave.'),
            '5',
            (c) => c.settings.waveSize,
            String,
            (t) => parseWholeNumber('waveSize', t, 1, 1000, 'product'),
            (c, v) => (c.settings.waveSize = v ?? DEFAULT_ROLLOUT_SETTINGS.waveSize),
        ),
        typedOption<C, number>(
            vscode.l10n.t('Upgrades at once'),
            vscode.l10n.t(
                'Upgrades running at the same time, 1 to {0} (one per cluster; AKS answers 2 status polls a second per subscription).',
                MAX_CONCURRENCY,
            ),
            '3',
            (c) => c.settings.concurrency,
            String,
            (t) => parseWholeNumber('concurrency', t, 1, MAX_CONCURRENCY, 'product'),
            (c, v) => (c.settings.concurrency = v ?? DEFAULT_ROLLOUT_SETTINGS.concurrency),
        ),
        typedOption<C, number>(
            vscode.l10n.t('Failure budget'),
            vscode.l10n.t('Stop the roll-out once this many pools failed.'),
            '1',
            (c) => c.settings.failureBudget,
            String,
            (t) => parseWholeNumber('failureBudget', t, 1, 1000, 'product'),
            (c, v) => (c.settings.failureBudget = v ?? DEFAULT_ROLLOUT_SETTINGS.failureBudget),
        ),
        pickedOption<C, string>(
            vscode.l10n.t('Between waves'),
            vscode.l10n.t('Between waves'),
            [
                { value: 'confirm', label: vscode.l10n.t('Ask, showing the results so far') },
                { value: '10', label: vscode.l10n.t('Wait {0} minutes', 10) },
                { value: '30', label: vscode.l10n.t('Wait {0} minutes', 30) },
                { value: '60', label: vscode.l10n.t('Wait {0} minutes', 60) },
            ],
            (c) => (c.settings.between.kind === 'confirm' ? 'confirm' : String(c.settings.between.minutes)),
            (c, v) => (c.settings.between = !v || v === 'confirm' ? { kind: 'confirm' } : { kind: 'soak', minutes: Number(v) }),
        ),
        // R6: these apply to the pools taking the Kubernetes path; a node-image-only upgrade takes none.
        ...upgradeSettingOptions<C>((c) => (c.settings.upgrade ??= {}) as UpgradeSettingsHolder, true),
    ];
    await editAdvancedOptions(holder, vscode.l10n.t('Roll-out settings'), options);
    return holder.settings;
}

async function showDocument(uri: vscode.Uri): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.Active });
}

/** Runs (or resumes) a roll-out under a cancellable notification, the plan document showing each pool's status as it goes. */
export async function runRollout(
    context: IActionContext & LongOperationContext,
    r: RolloutServices,
    state: RolloutState,
    snapshot: Snapshot,
    uri?: vscode.Uri,
    only?: ReadonlySet<string>,
): Promise<RolloutState> {
    const document = uri ?? r.documents.add(`rollout-${snapshot.name}.md`, '');
    r.documents.update(document, planDocument(state.plan, state));
    await showDocument(document);
    const subscriptions = new Set(state.plan.waves.flat().map((p) => p.subscriptionId));
    const title = vscode.l10n.t('Rolling out snapshot "{0}"', snapshot.name);
    const seenEnded = new Set(
        state.plan.waves
            .flat()
            .filter((p) => ENDED.includes(state.outcomes[p.poolId]?.status ?? 'pending'))
            .map((p) => p.poolId),
    );
    // This window's lease on the roll-out, renewed while it runs: another window that takes it over stops this one.
    const window = vscode.env.sessionId;
    let lost = false;
    runningHere.add(state.plan.id);
    let final = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        async (progress, token) => {
            const source = new vscode.CancellationTokenSource();
            const listeners = [token, context.cancelWaiting]
                .filter((t): t is vscode.CancellationToken => !!t)
                .map((t) => t.onCancellationRequested(() => source.cancel()));
            let latest = state;
            const keep = async (next: RolloutState): Promise<boolean> => {
                latest = next;
                if (!lost && !(await r.store.saveAsOwner(next, window))) {
                    lost = true;
                    source.cancel();
                }
                return !lost;
            };
            await keep(state);
            const renewing = setInterval(() => void keep(latest), LEASE_RENEW_MS);
            const runner = new RolloutRunner(
                state,
                snapshot,
                r,
                {
                    changed: async (next) => {
                        if (!(await keep(next))) {
                            return;
                        }
                        r.documents.update(document, planDocument(next.plan, next));
                        // The tree shows each pool as it ends, not only when the roll-out is over.
                        const ended = next.plan.waves
                            .flat()
                            .filter((p) => ENDED.includes(next.outcomes[p.poolId]?.status ?? 'pending') && !seenEnded.has(p.poolId));
                        ended.forEach((p) => {
                            seenEnded.add(p.poolId);
                            // The record of each change, as for every flow: what happened, with the az line that does the same.
                            const o = required(next.outcomes[p.poolId], 'poolId');
                            ext.outputChannel.appendLog(
                                vscode.l10n.t(
                                    'Roll-out of "{0}": node pool "{1}" of "{2}" {3}{4}. Azure CLI equivalent: {5}',
                                    snapshot.name,
                                    p.poolName,
                                    p.clusterName,
                                    o.status,
                                    o.message ? ` (${o.message}${o.code ? `, ${o.code}` : ''})` : '',
                                    poolUpgradeLine(next.plan, p, azShell()),
                                ),
                            );
                        });
                        for (const subscription of new Set(ended.map((p) => p.subscriptionId))) {
                            void r.tree.refreshSubscription(subscription);
                        }
                        const c = countByStatus(next);
                        progress.report({
                            message: vscode.l10n.t(
                                'wave {0} of {1}: {2} done, {3} failed, {4} upgrading',
                                Math.min(next.wave + 1, next.plan.waves.length),
                                next.plan.waves.length,
                                c.succeeded,
                                c.failed,
                                c.running,
                            ),
                        });
                    },
                    confirmNextWave: async (now) => {
                        const c = countByStatus(now);
                        try {
                            await context.ui.showWarningMessage(
                                vscode.l10n.t(
                                    'Wave {0} of {1} is over: {2} done, {3} failed, {4} skipped. Start wave {5}?',
                                    now.wave + 1,
                                    now.plan.waves.length,
                                    c.succeeded,
                                    c.failed,
                                    c.skipped,
                                    now.wave + 2,
                                ),
                                { modal: true, detail: summaryDocument(now, 'text'), stepName: 'nextWave' },
                                { title: vscode.l10n.t('Start Next Wave') },
                            );
                            return true;
                        } catch (error) {
                            if (parseError(error).isUserCancelledError) {
                                return false;
                            }
                            throw error;
                        }
                    },
                },
                only,
            );
            try {
                return await runner.run(source.token);
            } finally {
                runningHere.delete(state.plan.id);
                clearInterval(renewing);
                listeners.forEach((l) => l.dispose());
                source.dispose();
            }
        },
    );
    await Promise.all([...subscriptions].map((s) => r.tree.refreshSubscription(s)));
    if (lost) {
        // The other window runs it now, from what it reads: this one writes nothing more and aborts nothing.
        const text = vscode.l10n.t(
            'The roll-out of snapshot "{0}" was taken over by another VS Code window: this window stopped running it.',
            snapshot.name,
        );
        ext.outputChannel.appendLog(text);
        void vscode.window.showWarningMessage(text);
        return final;
    }
    // Cancelled with upgrades still running in Azure: the person may abort them.
    final = await abortStillRunning(context, r, final);
    // Over in this window: the lease goes (unless another window took it meanwhile), so that Resume or Retry runs it anywhere.
    if (await r.store.saveAsOwner(final, window)) {
        await r.store.save({ ...final, owner: undefined });
    }
    r.documents.update(document, planDocument(final.plan, final));
    const c = countByStatus(final);
    const summary = summaryDocument(final);
    const copy = vscode.l10n.t('Copy Summary');
    const retry = vscode.l10n.t('Retry Failed Pools');
    const message =
        vscode.l10n.t(
            'Roll-out of snapshot "{0}": {1} done, {2} failed, {3} skipped, {4} still running in Azure, {5} not started.',
            snapshot.name,
            c.succeeded,
            c.failed,
            c.skipped,
            c.stillRunning + c.running,
            c.pending,
        ) + (final.stopReason ? ` ${final.stopReason}` : '');
    const buttons = c.failed > 0 && !final.stopReason ? [retry, copy] : [copy];
    const show =
        final.status === 'done' && c.failed === 0
            ? vscode.window.showInformationMessage(message, ...buttons)
            : vscode.window.showWarningMessage(message, ...buttons);
    void show.then(async (choice) => {
        if (choice === copy) {
            await vscode.env.clipboard.writeText(summary);
        } else if (choice === retry) {
            await vscode.commands.executeCommand('aksSnapshots.retryFailedPools', final.plan.id);
        }
    });
    return final;
}

/**
 * Before Resume or Retry runs a roll-out here: when another window runs it now (its lease is fresh), the person
 * chooses to take it over (that window then stops running it) or not (nothing changes).
 */
export async function takeOverIfRunningElsewhere(context: IActionContext, store: RolloutStore, state: RolloutState): Promise<RolloutState> {
    if (runningHere.has(state.plan.id)) {
        throw new Error(vscode.l10n.t('This window is running the roll-out of snapshot "{0}" already.', state.plan.snapshot.name));
    }
    const owner = runningElsewhere(state, vscode.env.sessionId, new Date());
    if (!owner) {
        return state;
    }
    await context.ui.showWarningMessage(
        vscode.l10n.t('Another VS Code window is running the roll-out of snapshot "{0}". Take it over?', state.plan.snapshot.name),
        {
            modal: true,
            detail: vscode.l10n.t(
                'That window last said so at {0}. Taken over, it stops running the roll-out, and this window goes on from what it reads of each pool.',
                dateTimeWords(new Date(owner.renewedAt), 'local'),
            ),
            stepName: 'takeOverRollout',
        },
        { title: vscode.l10n.t('Take Over') },
    );
    const taken: RolloutState = { ...state, owner: { window: vscode.env.sessionId, renewedAt: new Date().toISOString() } };
    await store.save(taken);
    return taken;
}

/** Shown at start when a roll-out did not finish (a reload or restart ended it): resume, abandon, or see its plan. */
export function offerUnfinishedRollouts(store: RolloutStore): void {
    // One another window runs now is not offered: it did not stop.
    for (const state of store.unfinished().filter((s) => !runningElsewhere(s, vscode.env.sessionId, new Date()))) {
        const c = countByStatus(state);
        const resume = vscode.l10n.t('Resume');
        const abandon = vscode.l10n.t('Abandon');
        void vscode.window
            .showWarningMessage(
                vscode.l10n.t(
                    'The roll-out of snapshot "{0}" did not finish: {1} done, {2} failed, {3} to go.',
                    state.plan.snapshot.name,
                    c.succeeded,
                    c.failed,
                    c.pending + c.running + c.stillRunning,
                ),
                resume,
                abandon,
            )
            .then(async (choice) => {
                if (choice === resume) {
                    await vscode.commands.executeCommand('aksSnapshots.resumeRollout', state.plan.id);
                } else if (choice === abandon) {
                    await store.save({ ...state, status: 'canceled' });
                }
            });
    }
}
