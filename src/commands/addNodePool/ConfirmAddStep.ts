import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { azureNow } from '../../azure/azureClock';
import { pinnedChannels, reimagingChannel } from '../../model/channels';
import { imageAgeProblems } from '../../model/rules';
import { poolOptionsProblems, PoolOptions, setPoolOptions } from '../../model/poolOptions';
import { optionSummaryLine } from '../../messages/optionWords';
import { findVmSize } from '../../model/vmSize';
import { editAdvancedOptions } from '../common/advancedOptions';
import { describeProblem, describeProblems } from '../../messages/describeProblem';
import { pinSummary } from '../pinCluster/pinSummary';
import type { AddNodePoolContext } from './AddNodePoolContext';
import { advancedPoolOptions } from './advancedPoolOptions';
import { required } from '../../model/required';

/** The options set under "Advanced options…", one line each, in the words of their question. */
export function poolOptionLines(options: PoolOptions): string[] {
    return setPoolOptions(options).map(({ descriptor, value }) => optionSummaryLine(descriptor, value));
}

/**
 * What will be added, confirmed before anything is sent; the R7 warning with "Pin Cluster, Then Add" when the
 * cluster's channels will re-image the pool; "Advanced Options…" for the settings beyond the short path.
 */
export class ConfirmAddStep extends AzureWizardPromptStep<AddNodePoolContext> {
    /**
     * Its Advanced Options ask many boxes within this one step: without this the wizard remembers each box's text
     * under the step and opens the next box with it.
     */
    public supportsDuplicateSteps = true;

    async prompt(context: AddNodePoolContext): Promise<void> {
        const cluster = required(context.cluster, 'cluster');
        const snapshot = required(context.snapshot, 'snapshot');
        const add: vscode.MessageItem = { title: vscode.l10n.t('Add Node Pool') };
        const pinFirst: vscode.MessageItem = { title: vscode.l10n.t('Pin Cluster, Then Add') };
        const advanced: vscode.MessageItem = { title: vscode.l10n.t('Advanced Options…') };
        const risk = reimagingChannel(cluster);
        for (;;) {
            const summary = [
                vscode.l10n.t(
                    'Node pool: {0}, {1}, {2} × {3}',
                    required(context.poolName, 'poolName'),
                    required(context.mode, 'mode'),
                    required(context.nodeCount, 'nodeCount'),
                    required(context.vmSize, 'vmSize'),
                ),
                vscode.l10n.t('Kubernetes version: {0} (from the snapshot)', snapshot.kubernetesVersion),
                vscode.l10n.t('Node image: {0} (from the snapshot)', snapshot.nodeImageVersion),
                vscode.l10n.t('OS: {0} ({1})', snapshot.osType, snapshot.osSku ?? ''),
                ...poolOptionLines(context.poolOptions ?? {}),
            ];
            // R12 warns here (a pool made from the image cannot later be upgraded to it); it refuses only upgrades.
            const aged = imageAgeProblems(snapshot, azureNow()).map((p) => `⚠ ${describeProblem(p)}`);
            const warning = [
                ...(aged.length ? ['', ...aged] : []),
                ...(risk
                    ? [
                          '',
                          `⚠ ${describeProblem(risk)}`,
                          '',
                          vscode.l10n.t('Pin Cluster, Then Add:'),
                          pinSummary(cluster, pinnedChannels(cluster)),
                      ]
                    : []),
            ];
            const choice = await context.ui.showWarningMessage(
                vscode.l10n.t(
                    'Add node pool "{0}" to "{1}" from snapshot "{2}"?',
                    required(context.poolName, 'poolName'),
                    cluster.name,
                    snapshot.name,
                ),
                { modal: true, detail: [...summary, ...warning].join('\n'), stepName: 'confirmAdd' },
                // The narrow action is the default (first) button; pinning changes the whole cluster and is never the default.
                ...(risk ? [add, pinFirst, advanced] : [add, advanced]),
            );
            if (choice !== advanced) {
                context.pinChannels = choice === pinFirst ? pinnedChannels(cluster) : undefined;
                context.confirmed = true;
                return;
            }
            await this.editOptions(context);
        }
    }

    /** The options list until Done, asked again while the options together break an AKS rule. */
    private async editOptions(context: AddNodePoolContext): Promise<void> {
        const size = context.regionSizes && context.vmSize ? findVmSize(context.regionSizes.sizes, context.vmSize) : undefined;
        for (;;) {
            await editAdvancedOptions(
                context,
                vscode.l10n.t('Advanced options for node pool "{0}"', required(context.poolName, 'poolName')),
                advancedPoolOptions(),
            );
            const problems = poolOptionsProblems(
                context.poolOptions ?? {},
                context.mode ?? 'User',
                required(context.nodeCount, 'nodeCount'),
                size,
            );
            if (problems.length === 0) {
                return;
            }
            await context.ui.showWarningMessage(
                describeProblems(problems),
                { modal: true, stepName: 'optionProblems' },
                { title: vscode.l10n.t('Change Options') },
            );
        }
    }

    shouldPrompt(context: AddNodePoolContext): boolean {
        return !context.confirmed;
    }
}
