import { IActionContext, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseArmId } from '../../model/armId';
import { isTerminalState } from '../../model/provisioning';
import type { Snapshot } from '../../model/aks';
import { isOnSnapshot, PoolOutcome, retryFailed, RolloutState } from '../../model/rollout';
import type { LongOperationContext } from '../common/guardedChange';
import { RolloutServices, runRollout, takeOverIfRunningElsewhere } from './rollOutSnapshot';
import { sleep } from '../common/guardedChange';
import { readTarget } from './RolloutRunner';
import { dateTimeWords } from '../../messages/dateWords';
import { required } from '../../model/required';

/** How long a pool still upgrading when the roll-out resumes is waited for, reading it every few seconds. */
const WAIT_POLLS = 200;
const WAIT_MS = 3000;

/**
 * Resumes a roll-out a reload or restart interrupted. Each pool not known to be finished is read first: one
 * now on the snapshot is done (never upgraded again), one still upgrading is waited for, the rest go on as planned.
 */
export async function resumeRollout(
    context: IActionContext & LongOperationContext,
    r: RolloutServices,
    id?: string,
): Promise<RolloutState | undefined> {
    const unfinished = r.store.unfinished();
    const chosen = id
        ? unfinished.find((s) => s.plan.id === id)
        : unfinished.length === 1
          ? unfinished[0]
          : unfinished.length
            ? (
                  await context.ui.showQuickPick(
                      unfinished.map((s) => ({
                          label: s.plan.snapshot.name,
                          description: dateTimeWords(new Date(s.plan.createdAt), 'local'),
                          data: s,
                      })),
                      { placeHolder: vscode.l10n.t('Roll-out to resume'), stepName: 'resumeRollout', suppressPersistence: true },
                  )
              ).data
            : undefined;
    if (!chosen) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No unfinished roll-out.'));
        return undefined;
    }
    const state = await takeOverIfRunningElsewhere(context, r.store, chosen);
    const snapshot = await confirmedTarget(r, state);
    if (!snapshot) {
        return r.store.find(state.plan.id);
    }
    const outcomes: Record<string, PoolOutcome> = { ...state.outcomes };
    // Waiting for a busy pool can take minutes: Cancel stops waiting and leaves the roll-out unfinished, as it was.
    const stop = new AbortController();
    await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Reading the pools of the roll-out of "{0}"', snapshot.name),
            cancellable: true,
        },
        async (_progress, token) => {
            token.onCancellationRequested(() => stop.abort());
            await Promise.all(
                state.plan.waves
                    .flat()
                    .filter((p) => ['pending', 'running', 'stillRunning'].includes(outcomes[p.poolId]?.status ?? 'pending'))
                    .map(async (p) => {
                        const ids = required(parseArmId(p.poolId), 'poolId');
                        try {
                            const service = await r.services.forSubscription(ids.subscriptionId);
                            let pool = await service.getNodePool(p.poolId);
                            for (let i = 0; !isTerminalState(pool.provisioningState) && i < WAIT_POLLS && !stop.signal.aborted; i++) {
                                await sleep(WAIT_MS, stop.signal);
                                pool = await service.getNodePool(p.poolId);
                            }
                            const sent = outcomes[p.poolId]?.status === 'running' || outcomes[p.poolId]?.status === 'stillRunning';
                            const ended = pool.provisioningState?.toLowerCase();
                            outcomes[p.poolId] = isOnSnapshot(pool, snapshot)
                                ? {
                                      status: 'succeeded',
                                      message: vscode.l10n.t('found on the snapshot when the roll-out resumed'),
                                      endedAt: new Date().toISOString(),
                                  }
                                : // Its upgrade ended Failed or Canceled while the roll-out waited: a failure, counted against the budget.
                                  sent && (ended === 'failed' || ended === 'canceled')
                                  ? {
                                        status: 'failed',
                                        code: pool.provisioningState,
                                        message: vscode.l10n.t(
                                            'its upgrade ended {0} in Azure while the roll-out waited',
                                            pool.provisioningState ?? '?',
                                        ),
                                        endedAt: new Date().toISOString(),
                                    }
                                  : { status: 'pending' };
                        } catch (error) {
                            outcomes[p.poolId] = {
                                status: 'failed',
                                code: parseError(error).errorType,
                                message: parseError(error).message,
                            };
                        }
                    }),
            );
        },
    );
    if (stop.signal.aborted) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('The roll-out of "{0}" was not resumed: it stays unfinished, to resume later.', snapshot.name),
        );
        return undefined;
    }
    let read: RolloutState = { ...state, outcomes };
    const failed = Object.values(outcomes).filter((o) => o.status === 'failed').length;
    if (failed > 0) {
        const retry: vscode.MessageItem = { title: vscode.l10n.t('Retry Failed Pools') };
        const without: vscode.MessageItem = { title: vscode.l10n.t('Resume Without Them') };
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t(
                '{0} node pools of the roll-out of "{1}" failed. Upgrade them again as the roll-out resumes?',
                failed,
                snapshot.name,
            ),
            {
                modal: true,
                detail: vscode.l10n.t(
                    'Each is read again and checked again before it is sent; they count against the failure budget afresh.',
                ),
                stepName: 'resumeRetry',
            },
            retry,
            without,
        );
        if (choice === retry) {
            read = retryFailed(read).state;
        }
    }
    // From the first wave with a pool still to do: one whose operation did not finish goes on from there.
    const first = state.plan.waves.findIndex((wave) => wave.some((p) => read.outcomes[p.poolId]?.status === 'pending'));
    const resumed: RolloutState = {
        ...read,
        status: 'running',
        stopReason: undefined,
        wave: first < 0 ? state.plan.waves.length : Math.min(first, read.wave),
    };
    await r.store.save(resumed);
    return runRollout(context, r, resumed, snapshot);
}

/**
 * The roll-out's snapshot, read again and still the one its plan recorded; else the roll-out is stopped (saved so,
 * with the reason, and the person told) and nothing is sent.
 */
export async function confirmedTarget(r: RolloutServices, state: RolloutState): Promise<Snapshot | undefined> {
    const target = await readTarget(r.services, state.plan.snapshot);
    if ('stopReason' in target) {
        await r.store.save({ ...state, status: 'stopped', stopReason: target.stopReason });
        void vscode.window.showWarningMessage(target.stopReason);
        return undefined;
    }
    return target.snapshot;
}
