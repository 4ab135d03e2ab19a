import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { azureNow } from '../../azure/azureClock';
import { pinnedChannels, reimagingChannel } from '../../model/channels';
import { imageAgeProblems } from '../../model/rules';
import { formatTags } from '../../model/names';
import { poolOptionsProblems, PoolOptions } from '../../model/poolOptions';
import { findVmSize } from '../../model/vmSize';
import { editAdvancedOptions } from '../common/advancedOptions';
import { describeProblem, describeProblems } from '../../messages/describeProblem';
import { pinSummary } from '../pinCluster/pinSummary';
import type { AddNodePoolContext } from './AddNodePoolContext';
import { advancedPoolOptions } from './advancedPoolOptions';

/** The options set under "Advanced options…", one line each, in the words of their question. */
export function poolOptionLines(options: PoolOptions): string[] {
    const lines: (string | undefined)[] = [
        options.zones && vscode.l10n.t('Availability zones: {0}', options.zones.join(' ')),
        options.labels && vscode.l10n.t('Node labels: {0}', formatTags(options.labels)),
        options.taints && vscode.l10n.t('Node taints: {0}', options.taints.join(', ')),
        options.autoscale && vscode.l10n.t('Cluster autoscaler: {0} to {1} nodes', options.autoscale.min, options.autoscale.max),
        options.maxPods !== undefined ? vscode.l10n.t('Max pods per node: {0}', options.maxPods) : undefined,
        options.maxSurge && vscode.l10n.t('Max surge: {0}', options.maxSurge),
        options.osDiskSizeGB !== undefined ? vscode.l10n.t('OS disk size: {0} GB', options.osDiskSizeGB) : undefined,
        options.osDiskType && vscode.l10n.t('OS disk type: {0}', options.osDiskType),
        options.tags && vscode.l10n.t('Tags: {0}', formatTags(options.tags)),
        options.spot &&
            vscode.l10n.t(
                'Spot: eviction {0}, max price {1}',
                options.spot.evictionPolicy,
                options.spot.maxPrice === -1 ? vscode.l10n.t('on-demand') : String(options.spot.maxPrice),
            ),
    ];
    return lines.filter((l): l is string => !!l);
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
        const cluster = context.cluster!;
        const snapshot = context.snapshot!;
        const add: vscode.MessageItem = { title: vscode.l10n.t('Add Node Pool') };
        const pinFirst: vscode.MessageItem = { title: vscode.l10n.t('Pin Cluster, Then Add') };
        const advanced: vscode.MessageItem = { title: vscode.l10n.t('Advanced Options…') };
        const risk = reimagingChannel(cluster);
        for (;;) {
            const summary = [
                vscode.l10n.t('Node pool: {0}, {1}, {2} × {3}', context.poolName!, context.mode!, context.nodeCount!, context.vmSize!),
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
                vscode.l10n.t('Add node pool "{0}" to "{1}" from snapshot "{2}"?', context.poolName!, cluster.name, snapshot.name),
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
                vscode.l10n.t('Advanced options for node pool "{0}"', context.poolName!),
                advancedPoolOptions(),
            );
            const problems = poolOptionsProblems(context.poolOptions ?? {}, context.mode ?? 'User', context.nodeCount!, size);
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
