import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { countByStatus, retryFailed, RolloutState } from '../../model/rollout';
import type { LongOperationContext } from '../common/guardedChange';
import { confirmedTarget } from './resumeRollout';
import { RolloutServices, runRollout, takeOverIfRunningElsewhere } from './rollOutSnapshot';
import { dateTimeWords } from '../../messages/dateWords';

/**
 * Retry Failed Pools: the pools of a roll-out that failed are upgraded again, and only they (each read fresh and
 * checked again, as any pool of a roll-out; the failure budget counts afresh). The snapshot must still be the one
 * the plan recorded. Pools the roll-out never started stay for Resume.
 */
export async function retryFailedPools(
    context: IActionContext & LongOperationContext,
    r: RolloutServices,
    id?: string,
): Promise<RolloutState | undefined> {
    const withFailures = r.store.all().filter((s) => countByStatus(s).failed > 0 && s.status !== 'running');
    const chosen = id
        ? withFailures.find((s) => s.plan.id === id)
        : withFailures.length === 1
          ? withFailures[0]
          : withFailures.length
            ? (
                  await context.ui.showQuickPick(
                      withFailures.map((s) => ({
                          label: s.plan.snapshot.name,
                          description: vscode.l10n.t(
                              '{0} failed · {1}',
                              countByStatus(s).failed,
                              dateTimeWords(new Date(s.plan.createdAt), 'local'),
                          ),
                          data: s,
                      })),
                      {
                          placeHolder: vscode.l10n.t('Roll-out whose failed pools to retry'),
                          stepName: 'retryRollout',
                          suppressPersistence: true,
                      },
                  )
              ).data
            : undefined;
    if (!chosen) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No roll-out has failed pools to retry.'));
        return undefined;
    }
    const state = await takeOverIfRunningElsewhere(context, r.store, chosen);
    const { state: retried, pools } = retryFailed(state);
    const names = state.plan.waves
        .flat()
        .filter((p) => pools.includes(p.poolId))
        .map((p) => `${p.clusterName}/${p.poolName}`);
    await context.ui.showWarningMessage(
        vscode.l10n.t('Upgrade the {0} failed node pools of the roll-out of "{1}" again?', pools.length, state.plan.snapshot.name),
        {
            modal: true,
            detail: vscode.l10n.t(
                '{0}. Each is read again and checked again before it is sent; pools the roll-out did not start stay for Resume.',
                names.join(', '),
            ),
            stepName: 'confirmRetry',
        },
        { title: vscode.l10n.t('Retry Failed Pools') },
    );
    const snapshot = await confirmedTarget(r, state);
    if (!snapshot) {
        return r.store.find(state.plan.id);
    }
    await r.store.save(retried);
    return runRollout(context, r, retried, snapshot, undefined, new Set(pools));
}
