import { parseError, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { ResourceChangedError } from '../../azure/azureErrors';
import type { LongOperationOptions } from '../../azure/AksService';
import { describeChanges, poolChanges } from '../../model/changes';
import { upgradePath, upgradeProblems } from '../../model/rules';
import { refuseIfProblems } from '../common/refuseIfProblems';
import { LongOperationStep } from '../common/LongOperationStep';
import { readPoolUpgrades, upgradeFacts } from '../common/upgradeFacts';
import { upgradeSummary } from './ConfirmUpgradeStep';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';
import { required } from '../../model/required';

/**
 * R6: node image only through upgradeNodeImageVersion with AKSSnapshotId; otherwise the whole-pool PUT. Either
 * goes only to the pool as the person confirmed it.
 */
export class UpgradeToSnapshotStep extends LongOperationStep<UpgradeToSnapshotContext> {
    protected title(context: UpgradeToSnapshotContext): string {
        return vscode.l10n.t('Upgrading node pool "{0}" to snapshot "{1}"', context.pool.name, required(context.snapshot, 'snapshot').name);
    }

    protected resourceId(context: UpgradeToSnapshotContext): string {
        return context.pool.id;
    }

    protected async run(context: UpgradeToSnapshotContext, options: LongOperationOptions): Promise<void> {
        const { pool, snapshot, service } = context;
        if (context.rollback) {
            await service.rollBackNodePool(pool, context.rollback, options);
        } else if (context.path === 'nodeImageOnly') {
            await service.upgradeNodeImageToSnapshot(pool, required(snapshot, 'snapshot').id, options);
        } else {
            await service.upgradeNodePoolToSnapshot(
                pool,
                required(snapshot, 'snapshot'),
                { ...context.upgradeOptions, maxSurge: context.maxSurge || undefined },
                options,
            );
        }
    }

    /**
     * The pool changed since the person confirmed (someone scaled or upgraded it): it is read again and the rules
     * checked again; the person sees what changed and confirms again, or the flow stops naming the rule the pool
     * now breaks. Nothing is sent to a pool nobody confirmed.
     */
    protected async reconfirm(context: UpgradeToSnapshotContext, changed: ResourceChangedError): Promise<void> {
        if (context.rollback) {
            // A rollback is judged on the pool's history as confirmed: a pool that changed since is not rolled back.
            throw changed;
        }
        const [cluster, pool] = await Promise.all([
            context.service.getCluster(context.pool.clusterId),
            context.service.getNodePool(context.pool.id),
        ]);
        const changes = describeChanges(poolChanges(context.pool, pool));
        const snapshot = required(context.snapshot, 'snapshot');
        const paths = await readPoolUpgrades(context.services, pool, [snapshot]);
        context.poolUpgrades = paths;
        refuseIfProblems(
            upgradeProblems(pool, cluster, snapshot, upgradeFacts(paths)),
            vscode.l10n.t('Node pool "{0}" changed since you confirmed ({1}), and nothing was sent.', pool.name, changes),
        );
        Object.assign(context, { cluster, pool, path: upgradePath(pool, snapshot) });
        await context.ui
            .showWarningMessage(
                vscode.l10n.t('Node pool "{0}" changed since you confirmed ({1}). Upgrade it as it is now?', pool.name, changes),
                { modal: true, detail: upgradeSummary(context), stepName: 'confirmUpgradeAgain' },
                { title: vscode.l10n.t('Upgrade') },
            )
            .catch((error: unknown) => {
                // The questions are over: Back here ends the flow as Esc does, sending nothing.
                throw parseError(error).errorType === 'GoBackError' ? new UserCancelledError('confirmUpgradeAgain') : error;
            });
    }
}
