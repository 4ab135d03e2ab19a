import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import { LongOperationStep } from '../common/LongOperationStep';
import { AddNodePoolContext, newNodePool } from './AddNodePoolContext';
import { required } from '../../model/required';

/** The long operation: the pool shows Creating as soon as AKS accepts it, then Succeeded. */
export class AddNodePoolStep extends LongOperationStep<AddNodePoolContext> {
    protected title(context: AddNodePoolContext): string {
        return vscode.l10n.t(
            'Adding node pool "{0}" to "{1}" from snapshot "{2}"',
            required(context.poolName, 'poolName'),
            required(context.cluster, 'cluster').name,
            required(context.snapshot, 'snapshot').name,
        );
    }

    protected resourceId(context: AddNodePoolContext): string {
        return `${required(context.cluster, 'cluster').id}/agentPools/${required(context.poolName, 'poolName')}`;
    }

    protected async run(context: AddNodePoolContext, options: LongOperationOptions): Promise<void> {
        const cluster = required(context.cluster, 'cluster');
        const service = await context.services.forSubscription(cluster.subscriptionId);
        context.pool = await service.createNodePoolFromSnapshot(cluster.id, newNodePool(context), options);
    }
}
