import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import { LongOperationStep } from '../common/LongOperationStep';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/**
 * R6: node image only through upgradeNodeImageVersion with AKSSnapshotId; otherwise the whole-pool PUT. Either
 * goes only to the pool as the person confirmed it (its eTag).
 */
export class UpgradeToSnapshotStep extends LongOperationStep<UpgradeToSnapshotContext> {
    protected title(context: UpgradeToSnapshotContext): string {
        return vscode.l10n.t('Upgrading node pool "{0}" to snapshot "{1}"', context.pool.name, context.snapshot!.name);
    }

    protected resourceId(context: UpgradeToSnapshotContext): string {
        return context.pool.id;
    }

    protected async run(context: UpgradeToSnapshotContext, options: LongOperationOptions): Promise<void> {
        const { pool, snapshot, service } = context;
        if (context.path === 'nodeImageOnly') {
            await service.upgradeNodeImageToSnapshot(pool, snapshot!.id, options);
        } else {
            await service.upgradeNodePoolToSnapshot(pool, snapshot!, { ...context.upgradeOptions, maxSurge: context.maxSurge || undefined }, options);
        }
    }
}
