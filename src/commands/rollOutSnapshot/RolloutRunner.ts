import { parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { ResourceChangedError } from '../../azure/azureErrors';
import type { Snapshot } from '../../model/aks';
import { parseArmId } from '../../model/armId';
import { isTerminalState } from '../../model/provisioning';
import { failures, isOnSnapshot, pendingIn, PlannedPool, PoolOutcome, RolloutState, rolloutCandidate } from '../../model/rollout';
import { ChangeOutcome, ChangeServices, runGuardedChange } from '../common/guardedChange';
import { BusyError } from '../common/runningOperations';
import { describeProblems } from '../describeProblem';

export interface RolloutHooks {
    /** The state changed (a pool started or ended, a wave began): keep it and show it. */
    changed(state: RolloutState): Promise<void>;
    /** Between waves, with confirmation: true goes on, false stops (nothing new starts). */
    confirmNextWave(state: RolloutState): Promise<boolean>;
}

/** A 429 on a pool write means AKS did not take it: wait as asked and send it again, at most this many times. */
const MAX_THROTTLED_TRIES = 10;
/** How often a pool is read while its throttled operation finishes. */
const SETTLE_POLL_MS = 3000;

/** Waits `ms`, or less when `signal` aborts. */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
    }, { once: true });
});

/**
 * Runs a roll-out's waves: each pool is one safe upgrade (read fresh, the rules checked again, sent with the
 * eTag of that read), at most `concurrency` at once and one per cluster, until the failure budget is spent or
 * the person cancels (nothing new starts; what runs in Azure goes on and is named). Every change is handed to
 * `hooks.changed`, which persists it, so that a reload can resume.
 */
export class RolloutRunner {
    constructor(private state: RolloutState, private readonly snapshot: Snapshot, private readonly changes: ChangeServices, private readonly hooks: RolloutHooks) {}

    async run(token: vscode.CancellationToken): Promise<RolloutState> {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
            const waves = this.state.plan.waves.length;
            for (let wave = this.state.wave; wave < waves; wave++) {
                await this.update({ wave, status: 'running' });
                await this.runWave(wave, abort.signal);
                if (abort.signal.aborted) {
                    await this.update({ status: 'canceled' });
                    break;
                }
                if (failures(this.state) >= this.state.plan.settings.failureBudget) {
                    await this.update({ status: 'stopped' });
                    break;
                }
                if (wave + 1 < waves) {
                    await this.update({ status: 'waiting' });
                    const between = this.state.plan.settings.between;
                    const goOn = between.kind === 'confirm' ? await this.hooks.confirmNextWave(this.state) : (await sleep(between.minutes * 60_000, abort.signal), !abort.signal.aborted);
                    if (!goOn) {
                        await this.update({ status: 'canceled' });
                        break;
                    }
                    await this.update({ wave: wave + 1, status: 'running' });
                }
            }
            if (this.state.status === 'running') {
                await this.update({ status: 'done', wave: waves });
            }
            return this.state;
        } finally {
            cancel.dispose();
        }
    }

    /** Starts the wave's pools as slots free up: at most `concurrency` at once, one per cluster (AKS takes one operation at a time there). */
    private runWave(wave: number, signal: AbortSignal): Promise<void> {
        const queue = pendingIn(this.state, wave);
        const clusters = new Set<string>();
        let active = 0;
        return new Promise((resolve) => {
            const pump = (): void => {
                const stop = signal.aborted || failures(this.state) >= this.state.plan.settings.failureBudget;
                while (!stop && active < this.state.plan.settings.concurrency) {
                    const index = queue.findIndex((p) => !clusters.has(p.clusterId.toLowerCase()));
                    if (index < 0) {
                        break;
                    }
                    const [pool] = queue.splice(index, 1);
                    clusters.add(pool.clusterId.toLowerCase());
                    active++;
                    void this.runPool(pool, signal).catch(() => undefined).finally(() => {
                        clusters.delete(pool.clusterId.toLowerCase());
                        active--;
                        pump();
                    });
                }
                if (active === 0 && (stop || queue.length === 0)) {
                    resolve();
                }
            };
            pump();
        });
    }

    /**
     * One pool: a fresh read and the rules again, then the upgrade, all as one guarded change (claimed, sent once,
     * a lost answer read back, Azure's end told). A 429 before AKS took it waits as asked and starts over.
     */
    private async runPool(planned: PlannedPool, signal: AbortSignal): Promise<void> {
        const title = vscode.l10n.t('Roll-out of "{0}": upgrading node pool "{1}" of "{2}"', this.snapshot.name, planned.poolName, planned.clusterName);
        let sent = false;
        let accepted = false;
        try {
            const id = parseArmId(planned.poolId)!;
            const service = await this.changes.services.forSubscription(id.subscriptionId);
            for (let attempt = 1; ; attempt++) {
                try {
                    let notSent: PoolOutcome | undefined;
                    const outcome = await runGuardedChange(this.changes, {}, {
                        title,
                        resourceId: planned.poolId,
                        quiet: { abortSignal: signal, onAccepted: () => (accepted = true) },
                        send: async (options) => {
                            // What was planned may no longer hold: read fresh and check again before sending.
                            const [cluster, pool] = await Promise.all([service.getCluster(id.resourceGroup, id.name), service.getNodePool(id.resourceGroup, id.name, id.agentPool ?? '')]);
                            const candidate = rolloutCandidate(pool, cluster, this.snapshot);
                            if (candidate.kind !== 'upgrade' || signal.aborted) {
                                notSent = candidate.kind === 'current' ? { status: 'skipped', code: 'Current', message: vscode.l10n.t('already on the snapshot') }
                                    : candidate.kind === 'impossible' ? { status: 'skipped', code: candidate.problems[0].rule, message: describeProblems(candidate.problems) }
                                        : { status: 'pending' };
                                return;
                            }
                            await this.outcome(planned, { status: 'running', startedAt: new Date().toISOString() });
                            sent = true;
                            if (candidate.path === 'nodeImageOnly') {
                                await service.upgradeNodeImageToSnapshot(pool, this.snapshot.id, options);
                            } else {
                                await service.upgradeNodePoolToSnapshot(pool, this.snapshot, {}, options);
                            }
                        },
                    });
                    await this.outcome(planned, notSent ?? await this.judge(planned, outcome));
                    return;
                } catch (error) {
                    const status = (error as { statusCode?: number }).statusCode;
                    if (status !== 429 || attempt >= MAX_THROTTLED_TRIES || signal.aborted) {
                        throw error;
                    }
                    if (accepted) {
                        // AKS took the upgrade, then throttled its status polls: wait for the pool itself.
                        await this.outcome(planned, await this.settle(planned, signal));
                        return;
                    }
                    // Throttled before AKS took anything: wait as it asks, then start over from a fresh read.
                    sent = false;
                    await this.outcome(planned, { status: 'pending' });
                    // At least what AKS asks, longer each time and spread out, so that the pools waiting do not all come back at once.
                    await sleep(retryAfterMs(error) * attempt + Math.random() * 1000, signal);
                }
            }
        } catch (error) {
            await this.outcome(planned, this.failure(error, sent, signal));
        }
    }

    /** What the guarded change's outcome means for the pool. */
    private async judge(planned: PlannedPool, outcome: ChangeOutcome<void>): Promise<PoolOutcome> {
        switch (outcome.kind) {
            case 'done':
                return { status: 'succeeded', endedAt: new Date().toISOString() };
            case 'endedInAzure':
                return { status: 'failed', code: outcome.error.code ?? outcome.error.status, message: outcome.error.message, endedAt: new Date().toISOString() };
            case 'answerLost':
                return this.readBack(planned);
            case 'stoppedWaiting':
                return { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') };
        }
    }

    /** Reads the pool every few seconds until its operation ends, then judges it by what it runs. */
    private async settle(planned: PlannedPool, signal: AbortSignal): Promise<PoolOutcome> {
        const id = parseArmId(planned.poolId)!;
        const service = await this.changes.services.forSubscription(id.subscriptionId);
        for (;;) {
            if (signal.aborted) {
                return { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') };
            }
            const pool = await service.getNodePool(id.resourceGroup, id.name, id.agentPool ?? '').catch(() => undefined);
            if (pool && isTerminalState(pool.provisioningState)) {
                return isOnSnapshot(pool, this.snapshot)
                    ? { status: 'succeeded', endedAt: new Date().toISOString() }
                    : { status: 'failed', code: pool.provisioningState, message: vscode.l10n.t('the pool ended {0}, not on the snapshot', pool.provisioningState ?? '?') };
            }
            await sleep(SETTLE_POLL_MS, signal);
        }
    }

    /** What an error means for the pool: the person's cancel, another operation on it, or Azure's refusal. */
    private failure(error: unknown, sent: boolean, signal: AbortSignal): PoolOutcome {
        if (signal.aborted) {
            return sent ? { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') } : { status: 'pending' };
        }
        if (error instanceof ResourceChangedError) {
            return { status: 'failed', code: error.code, message: vscode.l10n.t('the pool changed between the read and the upgrade; nothing was sent') };
        }
        if (error instanceof BusyError) {
            return { status: 'failed', code: 'Busy', message: error.message };
        }
        const parsed = parseError(error);
        return { status: 'failed', code: parsed.errorType, message: parsed.message, endedAt: new Date().toISOString() };
    }

    /** After a lost answer: what Azure shows now decides (on the snapshot, still busy, or neither). */
    private async readBack(planned: PlannedPool): Promise<PoolOutcome> {
        try {
            const id = parseArmId(planned.poolId)!;
            const pool = await (await this.changes.services.forSubscription(id.subscriptionId)).getNodePool(id.resourceGroup, id.name, id.agentPool ?? '');
            if (isOnSnapshot(pool, this.snapshot)) {
                return { status: 'succeeded', endedAt: new Date().toISOString() };
            }
            return isTerminalState(pool.provisioningState)
                ? { status: 'failed', code: 'AnswerLost', message: vscode.l10n.t('the answer was lost and the pool is not on the snapshot') }
                : { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') };
        } catch (error) {
            return { status: 'failed', code: 'AnswerLost', message: parseError(error).message };
        }
    }

    private async outcome(planned: PlannedPool, outcome: PoolOutcome): Promise<void> {
        const previous = this.state.outcomes[planned.poolId];
        await this.update({ outcomes: { ...this.state.outcomes, [planned.poolId]: { ...(outcome.status === 'running' ? {} : { startedAt: previous?.startedAt }), ...outcome } } });
    }

    private async update(change: Partial<RolloutState>): Promise<void> {
        this.state = { ...this.state, ...change };
        await this.hooks.changed(this.state);
    }
}

function retryAfterMs(error: unknown): number {
    const header = (error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers?.get('retry-after');
    const seconds = Number(header);
    return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 120) * 1000 : 10_000;
}
