import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import type { AksTreeDataProvider } from '../../tree/AksTreeDataProvider';
import { LongOperationStep } from '../common/LongOperationStep';
import type { RunningOperations } from '../common/runningOperations';
import type { PinClusterContext } from './PinClusterContext';
import { required } from '../../model/required';

/** Changes only the cluster's automatic-upgrade channels, as confirmed (R7); runs before a pool change that needs the pin. */
export class PinClusterStep<C extends PinClusterContext> extends LongOperationStep<C> {
    priority = 90;

    /** `beforeAnotherChange`: a pool change follows in the same flow (Add Node Pool, Upgrade to Snapshot). */
    constructor(
        tree: AksTreeDataProvider,
        operations: RunningOperations,
        private readonly beforeAnotherChange = false,
    ) {
        super(tree, operations);
    }

    protected title(context: C): string {
        return vscode.l10n.t('Pinning cluster "{0}" to its node images', required(context.cluster, 'cluster').name);
    }

    protected resourceId(context: C): string {
        return required(context.cluster, 'cluster').id;
    }

    protected async run(context: C, options: LongOperationOptions): Promise<void> {
        const service = await context.services.forSubscription(required(context.cluster, 'cluster').subscriptionId);
        context.cluster = await service.updateClusterChannels(
            required(context.cluster, 'cluster'),
            required(context.pinChannels, 'pinChannels'),
            options,
        );
    }

    protected record(context: C, finished: boolean, notice: string | undefined): void {
        context.pinFinished = finished;
        context.pinNotice = notice;
        if (!this.beforeAnotherChange) {
            super.record(context, finished, notice);
        } else if (!finished) {
            // The pool change waits for the cluster: AKS refuses it while the cluster is still updating (R10).
            throw new Error(vscode.l10n.t('{0} Nothing else was sent; go on once the cluster is pinned.', notice ?? ''));
        }
    }

    shouldExecute(context: C): boolean {
        return !!context.pinChannels && context.pinFinished === undefined;
    }
}
