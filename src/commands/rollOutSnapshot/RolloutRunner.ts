import { parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { ResourceChangedError } from '../../azure/azureErrors';
import type { AksServices } from '../../azure/AksServices';
import type { Snapshot } from '../../model/aks';
import { describeChanges, RolloutTarget, rolloutTargetChanges } from '../../model/changes';
import { parseArmId } from '../../model/armId';
import { isTerminalState } from '../../model/provisioning';
import { failures, isOnSnapshot, pendingIn, PlannedPool, PoolOutcome, RolloutState, rolloutCandidate } from '../../model/rollout';
import { ChangeOutcome, ChangeServices, runGuardedChange, sleep, ThrottledNotSentError } from '../common/guardedChange';
import { BusyError } from '../common/runningOperations';
import { readPoolUpgrades, upgradeFacts } from '../common/upgradeFacts';
import { describeProblems } from '../../messages/describeProblem';
import { required } from '../../model/required';

export interface RolloutHooks {
    /** The state changed (a pool started or ended, a wave began): keep it and show it. */
    changed(state: RolloutState): Promise<void>;
    /** Between waves, with confirmation: true goes on, false stops (nothing new starts). */
    confirmNextWave(state: RolloutState): Promise<boolean>;
}

/**
 * Runs a roll-out's waves: each pool is one safe upgrade (read fresh, the rules checked again, sent with the
 * eTag of that read), at most `concurrency` at once and one per cluster, until the failure budget is spent or
 * the person cancels (nothing new starts; what runs in Azure goes on and is named). Every change is handed to
 * `hooks.changed`, which persists it, so that a reload can resume.
 */
export class RolloutRunner {
    /** `only`: run these pools alone (Retry Failed Pools), without waiting between waves; the others keep their outcome. */
    constructor(
        private state: RolloutState,
        private readonly snapshot: Snapshot,
        private readonly changes: ChangeServices,
        private readonly hooks: RolloutHooks,
        private readonly only?: ReadonlySet<string>,
    ) {}

    async run(token: vscode.CancellationToken): Promise<RolloutState> {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        try {
            const waves = this.state.plan.waves.length;
            for (let wave = this.state.wave; wave < waves; wave++) {
                if (this.only && this.pendingIn(wave).length === 0) {
                    continue;
                }
                // The target is what the person confirmed: a snapshot changed or gone since stops the roll-out, nothing sent.
                const target = await readTarget(this.changes.services, this.state.plan.snapshot);
                if ('stopReason' in target) {
                    await this.update({ status: 'stopped', stopReason: target.stopReason });
                    break;
                }
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
                if (wave + 1 < waves && !this.only) {
                    await this.update({ status: 'waiting' });
                    const between = this.state.plan.settings.between;
                    const goOn =
                        between.kind === 'confirm'
                            ? await this.hooks.confirmNextWave(this.state)
                            : (await sleep(between.minutes * 60_000, abort.signal), !abort.signal.aborted);
                    if (!goOn) {
                        await this.update({ status: 'canceled' });
                        break;
                    }
                    await this.update({ wave: wave + 1, status: 'running' });
                }
            }
            if (this.state.status === 'running') {
                // After a retry of the failed pools, pools never started wait for Resume.
                const next = this.state.plan.waves.findIndex((wave) =>
                    wave.some((p) => this.state.outcomes[p.poolId]?.status === 'pending'),
                );
                await this.update(next < 0 ? { status: 'done', wave: waves } : { status: 'waiting', wave: next });
            }
            return this.state;
        } finally {
            cancel.dispose();
        }
    }

    /**
     * Starts the wave's pools as slots free up: at most `concurrency` at once, one per cluster (AKS takes one operation at a time there).
     */
    private runWave(wave: number, signal: AbortSignal): Promise<void> {
        const queue = this.pendingIn(wave);
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
                    void this.runPool(pool, signal)
                        .catch(() => undefined)
                        .finally(() => {
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
        const title = vscode.l10n.t(
            'Roll-out of "{0}": upgrading node pool "{1}" of "{2}"',
            this.snapshot.name,
            planned.poolName,
            planned.clusterName,
        );
        let sent = false;
        try {
            const id = required(parseArmId(planned.poolId), 'poolId');
            const service = await this.changes.services.forSubscription(id.subscriptionId);
            let notSent: PoolOutcome | undefined;
            const outcome = await runGuardedChange(
                this.changes,
                {},
                {
                    title,
                    resourceId: planned.poolId,
                    quiet: { abortSignal: signal },
                    send: async (options) => {
                        // What was planned may no longer hold: read fresh and check again before sending (again after a 429).
                        const [cluster, pool] = await Promise.all([
                            service.getCluster(planned.clusterId),
                            service.getNodePool(planned.poolId),
                        ]);
                        const candidate = rolloutCandidate(
                            pool,
                            cluster,
                            this.snapshot,
                            upgradeFacts(await readPoolUpgrades(this.changes.services, pool, [this.snapshot])),
                        );
                        if (candidate.kind !== 'upgrade' || signal.aborted) {
                            notSent =
                                candidate.kind === 'current'
                                    ? { status: 'skipped', code: 'Current', message: vscode.l10n.t('already on the snapshot') }
                                    : candidate.kind === 'impossible'
                                      ? {
                                            status: 'skipped',
                                            code: candidate.problems[0].rule,
                                            message: describeProblems(candidate.problems),
                                        }
                                      : { status: 'pending' };
                            return;
                        }
                        if (!sent) {
                            await this.outcome(planned, { status: 'running', startedAt: new Date().toISOString() });
                            sent = true;
                        }
                        if (candidate.path === 'nodeImageOnly') {
                            await service.upgradeNodeImageToSnapshot(pool, this.snapshot.id, options);
                        } else {
                            await service.upgradeNodePoolToSnapshot(pool, this.snapshot, this.state.plan.settings.upgrade ?? {}, options);
                        }
                    },
                },
            );
            await this.outcome(planned, notSent ?? (await this.judge(planned, outcome)));
        } catch (error) {
            await this.outcome(planned, this.failure(error, sent, signal));
        }
    }

    private pendingIn(wave: number): PlannedPool[] {
        return pendingIn(this.state, wave).filter((p) => !this.only || this.only.has(p.poolId));
    }

    /** What the guarded change's outcome means for the pool. */
    private async judge(planned: PlannedPool, outcome: ChangeOutcome<void>): Promise<PoolOutcome> {
        switch (outcome.kind) {
            case 'done':
                return { status: 'succeeded', endedAt: new Date().toISOString() };
            case 'endedInAzure':
                return {
                    status: 'failed',
                    code: outcome.error.code ?? outcome.error.status,
                    message: outcome.error.message,
                    endedAt: new Date().toISOString(),
                };
            case 'answerLost':
                return this.readBack(planned);
            case 'stoppedWaiting':
                return { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') };
        }
    }

    /** What an error means for the pool: the person's cancel, another operation on it, or Azure's refusal. */
    private failure(error: unknown, sent: boolean, signal: AbortSignal): PoolOutcome {
        if (error instanceof ThrottledNotSentError) {
            return { status: 'pending' };
        }
        if (signal.aborted) {
            return sent ? { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') } : { status: 'pending' };
        }
        if (error instanceof ResourceChangedError) {
            return {
                status: 'failed',
                code: error.code,
                message: vscode.l10n.t('the pool changed between the read and the upgrade; nothing was sent'),
            };
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
            const id = required(parseArmId(planned.poolId), 'poolId');
            const pool = await (await this.changes.services.forSubscription(id.subscriptionId)).getNodePool(planned.poolId);
            if (isOnSnapshot(pool, this.snapshot)) {
                return { status: 'succeeded', endedAt: new Date().toISOString() };
            }
            return isTerminalState(pool.provisioningState)
                ? {
                      status: 'failed',
                      code: 'AnswerLost',
                      message: vscode.l10n.t('the answer was lost and the pool is not on the snapshot'),
                  }
                : { status: 'stillRunning', message: vscode.l10n.t('still running in Azure') };
        } catch (error) {
            return { status: 'failed', code: 'AnswerLost', message: parseError(error).message };
        }
    }

    private async outcome(planned: PlannedPool, outcome: PoolOutcome): Promise<void> {
        const previous = this.state.outcomes[planned.poolId];
        await this.update({
            outcomes: {
                ...this.state.outcomes,
                [planned.poolId]: { ...(outcome.status === 'running' ? {} : { startedAt: previous?.startedAt }), ...outcome },
            },
        });
    }

    private async update(change: Partial<RolloutState>): Promise<void> {
        this.state = { ...this.state, ...change };
        await this.hooks.changed(this.state);
    }
}

/**
 * The roll-out's snapshot read again, when it is still the one the plan recorded; else why the roll-out must stop
 * before sending anything more: deleted, made again under the same name (another creation time or image), or
 * unreadable (its image cannot be confirmed).
 */
export async function readTarget(
    services: AksServices,
    planned: RolloutTarget,
): Promise<{ readonly snapshot: Snapshot } | { readonly stopReason: string }> {
    const id = required(parseArmId(planned.id), 'id');
    try {
        const now = await (await services.forSubscription(id.subscriptionId)).getSnapshot(planned.id);
        const changed = rolloutTargetChanges(planned, now);
        return changed.length
            ? {
                  stopReason: vscode.l10n.t(
                      'Snapshot "{0}" is not the one the plan was made for ({1}): nothing more was sent. Plan a new roll-out for it as it is now.',
                      planned.name,
                      describeChanges(changed),
                  ),
              }
            : { snapshot: now };
    } catch (error) {
        return {
            stopReason:
                (error as { statusCode?: number }).statusCode === 404
                    ? vscode.l10n.t('Snapshot "{0}" was deleted since the plan was made: nothing more was sent.', planned.name)
                    : vscode.l10n.t(
                          'Snapshot "{0}" could not be read again ({1}): nothing more was sent, as its image cannot be confirmed.',
                          planned.name,
                          parseError(error).message,
                      ),
        };
    }
}
