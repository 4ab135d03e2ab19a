import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { azureNow } from '../../azure/azureClock';
import { PINNED_CHANNELS, reimagingChannel, UpgradeChannels } from '../../model/channels';
import { imageAgeProblems } from '../../model/rules';
import { clusterOptionsProblems, clusterOptionsSent, setClusterOptions } from '../../model/poolOptions';
import { clusterOptionWords, optionSummaryLine, wordsOf } from '../../messages/optionWords';
import { editAdvancedOptions } from '../common/advancedOptions';
import { describeProblem, describeProblems } from '../../messages/describeProblem';
import { advancedClusterOptions } from './advancedClusterOptions';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

export function clusterSummary(context: CreateClusterContext): string {
    const s = required(context.snapshot, 'snapshot');
    return [
        vscode.l10n.t('Subscription: {0}', required(context.service, 'service').session.subscription.name),
        vscode.l10n.t(
            'Resource group: {0}{1}',
            required(context.resourceGroup, 'resourceGroup'),
            context.newResourceGroup ? vscode.l10n.t(' (new)') : '',
        ),
        vscode.l10n.t('Region: {0}', required(context.location, 'location')),
        vscode.l10n.t('DNS prefix: {0}', required(context.dnsPrefix, 'dnsPrefix')),
        vscode.l10n.t('Kubernetes version: {0} (from the snapshot)', s.kubernetesVersion),
        vscode.l10n.t(
            'System pool: {0}, {1} × {2}, {3} ({4}), node image {5}',
            required(context.poolName, 'poolName'),
            required(context.nodeCount, 'nodeCount'),
            required(context.vmSize, 'vmSize'),
            s.osType,
            s.osSku ?? '',
            s.nodeImageVersion,
        ),
        channelsLine(context.channels ?? PINNED_CHANNELS),
        ...clusterOptionLines(context),
        // R12 warns here; it refuses only upgrades.
        ...imageAgeProblems(s, azureNow()).map((p) => `⚠ ${describeProblem(p)}`),
    ].join('\n');
}

/**
 * The options set under "Advanced options…", one line each; on long-term support the tier is Premium (as sent), said
 * as the support plan.
 */
function clusterOptionLines(context: CreateClusterContext): string[] {
    const words = clusterOptionWords();
    const options = clusterOptionsSent(context.clusterOptions, context.longTermSupport);
    return setClusterOptions(options).map(({ descriptor, value }) =>
        descriptor.id === 'tier' && context.longTermSupport
            ? vscode.l10n.t(
                  'Support plan: AKS long-term support, Premium tier (AKS offers Kubernetes {0} in {1} only under long-term support, which needs the Premium tier)',
                  required(context.snapshot, 'snapshot').kubernetesVersion,
                  required(context.location, 'location'),
              )
            : optionSummaryLine(descriptor, value, wordsOf(descriptor, words), { sshKeyFile: context.sshKeyFile }),
    );
}

/** R7: the channels, and whether they keep the snapshot's image, said in the summary. */
function channelsLine(channels: UpgradeChannels): string {
    const problem = reimagingChannel({ name: '', ...channels });
    return problem
        ? vscode.l10n.t(
              "Automatic upgrades: node OS {0}, auto-upgrade {1}: AKS will move the system pool off the snapshot's image at a maintenance window.",
              channels.nodeOsUpgradeChannel,
              channels.upgradeChannel,
          )
        : vscode.l10n.t(
              "Automatic upgrades: node OS {0}, auto-upgrade {1}: the system pool keeps the snapshot's image until you upgrade it.",
              channels.nodeOsUpgradeChannel,
              channels.upgradeChannel,
          );
}

/** A summary to confirm before the cluster is created. */
export class ConfirmClusterStep extends AzureWizardPromptStep<CreateClusterContext> {
    /**
     * Its Advanced Options ask many boxes within this one step: without this the wizard remembers each box's text
     * under the step and opens the next box with it.
     */
    public supportsDuplicateSteps = true;

    async prompt(context: CreateClusterContext): Promise<void> {
        const create: vscode.MessageItem = { title: vscode.l10n.t('Create') };
        const advanced: vscode.MessageItem = { title: vscode.l10n.t('Advanced Options…') };
        for (;;) {
            const choice = await context.ui.showWarningMessage(
                vscode.l10n.t(
                    'Create cluster "{0}" from snapshot "{1}"?',
                    required(context.newClusterName, 'newClusterName'),
                    required(context.snapshot, 'snapshot').name,
                ),
                { modal: true, detail: clusterSummary(context), stepName: 'confirmCluster' },
                create,
                advanced,
            );
            if (choice !== advanced) {
                context.confirmed = true;
                return;
            }
            for (;;) {
                await editAdvancedOptions(
                    context,
                    vscode.l10n.t('Advanced options for cluster "{0}"', required(context.newClusterName, 'newClusterName')),
                    advancedClusterOptions(),
                );
                const problems = clusterOptionsProblems(context.channels ?? PINNED_CHANNELS);
                if (problems.length === 0) {
                    break;
                }
                await context.ui.showWarningMessage(
                    describeProblems(problems),
                    { modal: true, stepName: 'optionProblems' },
                    { title: vscode.l10n.t('Change Options') },
                );
            }
        }
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.confirmed;
    }
}
