import * as vscode from 'vscode';
import type { LongOperationOptions } from '../../azure/AksService';
import { clusterId } from '../../model/armId';
import { LongOperationStep } from '../common/LongOperationStep';
import { CreateClusterContext, newCluster } from './CreateClusterContext';
import { required } from '../../model/required';

/** Makes the resource group when new, then the cluster as a long operation. */
export class CreateClusterStep extends LongOperationStep<CreateClusterContext> {
    protected title(context: CreateClusterContext): string {
        return vscode.l10n.t(
            'Creating cluster "{0}" from snapshot "{1}"',
            required(context.newClusterName, 'newClusterName'),
            required(context.snapshot, 'snapshot').name,
        );
    }

    protected resourceId(context: CreateClusterContext): string {
        return clusterId(
            required(context.service, 'service').subscriptionId,
            required(context.resourceGroup, 'resourceGroup'),
            required(context.newClusterName, 'newClusterName'),
        );
    }

    protected async run(context: CreateClusterContext, options: LongOperationOptions): Promise<void> {
        const service = required(context.service, 'service');
        if (context.newResourceGroup && !context.resourceGroupMade) {
            await service.createResourceGroup(required(context.resourceGroup, 'resourceGroup'), required(context.location, 'location'));
            // Made once: a second run of this step must not ask Azure to make it again.
            context.resourceGroupMade = true;
        }
        context.cluster = await service.createClusterFromSnapshot(newCluster(context), options);
    }
}
