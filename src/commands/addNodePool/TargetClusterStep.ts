import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { addPoolProblems } from '../../model/rules';
import { pickUsable } from '../common/pickUsable';
import { requireSomethingRead, unreadableSubscriptions } from '../common/unreadableSubscriptions';
import { AddNodePoolContext, supportedVersions, useCluster } from './AddNodePoolContext';
import { required } from '../../model/required';

/** Any cluster in any subscription or region; those the snapshot cannot seed a pool in show why (R4, R5, R10). */
export class TargetClusterStep extends AzureWizardPromptStep<AddNodePoolContext> {
    async prompt(context: AddNodePoolContext): Promise<void> {
        const snapshot = required(context.snapshot, 'snapshot');
        const [{ items: clusters, failures }, sessions] = await Promise.all([
            context.services.fromEverySubscription((s) => s.listClusters()),
            context.services.listSessions(),
        ]);
        requireSomethingRead(clusters, failures);
        const subscriptionName = (id: string): string =>
            sessions.find((s) => s.subscription.subscriptionId.toLowerCase() === id.toLowerCase())?.subscription.name ?? id;
        const choices = await Promise.all(
            clusters.map(async (cluster) => ({
                label: cluster.name,
                description: `${cluster.kubernetesVersion} · ${cluster.location} · ${subscriptionName(cluster.subscriptionId)}`,
                data: cluster,
                problems: addPoolProblems(snapshot, cluster, await supportedVersions(context, cluster)),
            })),
        );
        useCluster(
            context,
            await pickUsable(
                context,
                choices,
                vscode.l10n.t('Cluster to add the pool to') + unreadableSubscriptions(failures),
                'targetCluster',
            ),
        );
    }

    shouldPrompt(context: AddNodePoolContext): boolean {
        return !context.cluster;
    }
}
