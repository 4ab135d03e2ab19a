import { IActionContext, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { inTurns } from '../../model/inTurns';
import type { PoolOutcome, RolloutState } from '../../model/rollout';
import { ext } from '../../extensionVariables';
import { LongOperationContext, runGuardedChange } from '../common/guardedChange';
import type { RolloutServices } from './rollOutSnapshot';

/** Aborts sent at once (each is one POST and its wait). */
const ABORTS_AT_ONCE = 3;

/**
 * After the person cancelled a roll-out, the upgrades it started go on in Azure: they are listed, and, if the person
 * asks, each is aborted (`abortLatestOperation`, sent once). An aborted pool counts as failed (`OperationCanceled`), so
 * Retry Failed Pools offers it again; one whose upgrade ended first (Azure's 409) keeps its place and says why.
 */
export async function abortStillRunning(
    context: IActionContext & LongOperationContext,
    r: RolloutServices,
    state: RolloutState,
): Promise<RolloutState> {
    const running = state.plan.waves
        .flat()
        .filter((p) => ['running', 'stillRunning'].includes(state.outcomes[p.poolId]?.status ?? 'pending'));
    if (state.status !== 'canceled' || running.length === 0) {
        return state;
    }
    try {
        await context.ui.showWarningMessage(
            vscode.l10n.t(
                'The roll-out of snapshot "{0}" is cancelled, and {1} of its upgrades still run in Azure. Abort them?',
                state.plan.snapshot.name,
                running.length,
            ),
            {
                modal: true,
                stepName: 'abortStillRunning',
                detail: [
                    ...running.map((p) => vscode.l10n.t('node pool "{0}" of "{1}"', p.poolName, p.clusterName)),
                    '',
                    vscode.l10n.t(
                        'AKS moves each to Canceling, then Canceled; nodes already upgraded keep the new image. Retry Failed Pools offers them again. Cancel leaves them running.',
                    ),
                ].join('\n'),
            },
            { title: vscode.l10n.t('Abort Upgrades') },
        );
    } catch (error) {
        if (parseError(error).isUserCancelledError) {
            return state;
        }
        throw error;
    }
    const outcomes: Record<string, PoolOutcome> = { ...state.outcomes };
    await inTurns(running, ABORTS_AT_ONCE, async (p) => {
        const service = await r.services.forSubscription(p.subscriptionId);
        try {
            await runGuardedChange({ services: r.services, operations: r.operations, tree: r.tree }, context, {
                title: vscode.l10n.t('Aborting the upgrade of node pool "{0}"', p.poolName),
                resourceId: p.poolId,
                send: (options) => service.abortLatestOperation(p.poolId, options),
                claims: false,
                quiet: { abortSignal: new AbortController().signal },
            });
            outcomes[p.poolId] = {
                ...outcomes[p.poolId],
                status: 'failed',
                code: 'OperationCanceled',
                message: vscode.l10n.t('aborted at your request: AKS canceled the upgrade'),
            };
        } catch (error) {
            const e = parseError(error);
            outcomes[p.poolId] = { ...outcomes[p.poolId], message: vscode.l10n.t('abort refused: {0} ({1})', e.message, e.errorType) };
        }
        ext.outputChannel.appendLog(
            vscode.l10n.t(
                'Roll-out of "{0}": abort of node pool "{1}" of "{2}": {3}',
                state.plan.snapshot.name,
                p.poolName,
                p.clusterName,
                outcomes[p.poolId].message ?? '',
            ),
        );
    });
    const next: RolloutState = { ...state, outcomes };
    await r.store.save(next);
    await Promise.all([...new Set(running.map((p) => p.subscriptionId))].map((s) => r.tree.refreshSubscription(s)));
    return next;
}
