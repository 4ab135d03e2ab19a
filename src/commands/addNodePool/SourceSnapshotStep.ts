import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { addPoolProblems } from '../../model/rules';
import { pickUsable } from '../common/pickUsable';
import { requireSomethingRead, unreadableSubscriptions } from '../common/unreadableSubscriptions';
import { AddNodePoolContext, supportedVersions } from './AddNodePoolContext';

/**
 * Every snapshot in every subscription (R13). Once the cluster is known (from its context menu), those that
 * cannot seed a pool there show why; from the palette the snapshot comes first, and the clusters are judged next.
 */
export class SourceSnapshotStep extends AzureWizardPromptStep<AddNodePoolContext> {
    async prompt(context: AddNodePoolContext): Promise<void> {
        const cluster = context.cluster;
        const { items: snapshots, failures } = await context.services.fromEverySubscription((s) => s.listSnapshots());
        requireSomethingRead(snapshots, failures);
        const versions = cluster ? await supportedVersions(context, cluster) : undefined;
        context.snapshot = await pickUsable(
            context,
            snapshots.map((snapshot) => ({
                label: snapshot.name,
                description: `${snapshot.kubernetesVersion} · ${snapshot.osSku ?? snapshot.osType} · ${snapshot.vmSize} · ${snapshot.nodeImageVersion}`,
                data: snapshot,
                problems: cluster && versions ? addPoolProblems(snapshot, cluster, versions) : [],
            })),
            vscode.l10n.t('Snapshot to make the pool from') + unreadableSubscriptions(failures),
            'sourceSnapshot',
        );
    }

    shouldPrompt(context: AddNodePoolContext): boolean {
        return !context.snapshot;
    }
}
