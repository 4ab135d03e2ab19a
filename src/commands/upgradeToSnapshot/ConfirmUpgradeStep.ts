import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseArmId } from '../../model/armId';
import { pinnedChannels, reimagingChannel } from '../../model/channels';
import { imageAgeWarning, isRetry } from '../../model/rules';
import { parseMaxUnavailable, parseWholeNumber } from '../../model/poolOptions';
import { AdvancedOption, editAdvancedOptions, typedOption } from '../common/advancedOptions';
import { describeProblem } from '../describeProblem';
import { pinSummary } from '../pinCluster/pinSummary';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/** What will change, from → to, and how; a modal a person must confirm (R12 is warned here). */
export function upgradeSummary(context: UpgradeToSnapshotContext): string {
    const { pool, snapshot, path } = context;
    const linkName = (id: string | undefined): string => (id ? parseArmId(id)?.name ?? id : vscode.l10n.t('none'));
    const lines = [
        vscode.l10n.t('Kubernetes version: {0} → {1}', pool.kubernetesVersion, snapshot!.kubernetesVersion),
        vscode.l10n.t('Node image: {0} → {1}', pool.nodeImageVersion ?? '?', snapshot!.nodeImageVersion),
        vscode.l10n.t('Snapshot link: {0} → {1}', linkName(pool.snapshotId), snapshot!.name),
        path === 'nodeImageOnly'
            ? vscode.l10n.t('Path: node image only (equal Kubernetes versions); surge and drain settings do not apply.')
            : vscode.l10n.t('Path: Kubernetes upgrade of the whole pool{0}.', context.maxSurge ? vscode.l10n.t(', max surge {0}', context.maxSurge) : ''),
        ...upgradeOptionLines(context),
    ];
    const warnings = [imageAgeWarning(snapshot!, new Date()), reimagingChannel(context.cluster)].filter((w) => w !== undefined);
    return [...lines, ...(warnings.length ? ['', ...warnings.map((w) => `⚠ ${describeProblem(w)}`)] : [])].join('\n');
}

/** The settings set under "Advanced options…" (Kubernetes path only, R6). */
function upgradeOptionLines(context: UpgradeToSnapshotContext): string[] {
    const o = context.path === 'kubernetes' ? context.upgradeOptions ?? {} : {};
    return [
        o.maxUnavailable ? vscode.l10n.t('Max unavailable: {0}', o.maxUnavailable) : undefined,
        o.drainTimeoutInMinutes !== undefined ? vscode.l10n.t('Drain timeout: {0} minutes', o.drainTimeoutInMinutes) : undefined,
        o.nodeSoakDurationInMinutes !== undefined ? vscode.l10n.t('Node soak duration: {0} minutes', o.nodeSoakDurationInMinutes) : undefined,
    ].filter((l): l is string => !!l);
}

type Options = NonNullable<UpgradeToSnapshotContext['upgradeOptions']>;
const options = (context: UpgradeToSnapshotContext): Options => (context.upgradeOptions ??= {});

/** What the Kubernetes path offers under "Advanced options…" (`az aks nodepool upgrade`'s settings). */
export function advancedUpgradeOptions(): AdvancedOption<UpgradeToSnapshotContext>[] {
    return [
        typedOption(vscode.l10n.t('Max unavailable'), vscode.l10n.t('Nodes that may be unavailable during the upgrade: a number of nodes or a percentage like 10%. Empty: the pool\'s setting.'), '0',
            (c) => options(c).maxUnavailable, String, (text) => parseMaxUnavailable(text), (c, v) => (options(c).maxUnavailable = v)),
        typedOption(vscode.l10n.t('Drain timeout (minutes)'), vscode.l10n.t('How long to wait for each node to drain, 1 to 1440 minutes. Empty: the pool\'s setting.'), '30',
            (c) => options(c).drainTimeoutInMinutes, String, (text) => parseWholeNumber('upgradeSettings.drainTimeoutInMinutes', text, 1, 1440), (c, v) => (options(c).drainTimeoutInMinutes = v)),
        typedOption(vscode.l10n.t('Node soak duration (minutes)'), vscode.l10n.t('How long to wait after draining a node before the next, 0 to 30 minutes. Empty: the pool\'s setting.'), '0',
            (c) => options(c).nodeSoakDurationInMinutes, String, (text) => parseWholeNumber('upgradeSettings.nodeSoakDurationInMinutes', text, 0, 30), (c, v) => (options(c).nodeSoakDurationInMinutes = v)),
    ];
}

export class ConfirmUpgradeStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        // A pool whose upgrade to this snapshot ended Failed is sent the same upgrade again: a retry (R5).
        const retry = isRetry(context.pool, context.snapshot!);
        const upgrade: vscode.MessageItem = { title: retry ? vscode.l10n.t('Retry') : vscode.l10n.t('Upgrade') };
        const pinFirst: vscode.MessageItem = { title: vscode.l10n.t('Pin Cluster, Then Upgrade') };
        const advanced: vscode.MessageItem = { title: vscode.l10n.t('Advanced Options…') };
        // R7: where the cluster's channels would undo the upgrade, pinning it first is offered beside the upgrade.
        const atRisk = !!reimagingChannel(context.cluster);
        // R6: surge and drain settings apply to the Kubernetes path only.
        const buttons = [...(atRisk ? [pinFirst, upgrade] : [upgrade]), ...(context.path === 'kubernetes' ? [advanced] : [])];
        for (;;) {
            const detail = atRisk ? [upgradeSummary(context), '', vscode.l10n.t('Pin Cluster, Then Upgrade:'), pinSummary(context.cluster, pinnedChannels(context.cluster))].join('\n') : upgradeSummary(context);
            const choice = await context.ui.showWarningMessage(retry
                ? vscode.l10n.t('The upgrade of node pool "{0}" of "{1}" to snapshot "{2}" ended Failed. Send it again?', context.pool.name, context.cluster.name, context.snapshot!.name)
                : vscode.l10n.t('Upgrade node pool "{0}" of "{1}" to snapshot "{2}"?', context.pool.name, context.cluster.name, context.snapshot!.name),
                { modal: true, detail, stepName: 'confirmUpgrade' },
                ...buttons,
            );
            if (choice !== advanced) {
                context.pinChannels = choice === pinFirst ? pinnedChannels(context.cluster) : undefined;
                context.confirmed = true;
                return;
            }
            await editAdvancedOptions(context, vscode.l10n.t('Advanced options for upgrading node pool "{0}"', context.pool.name), advancedUpgradeOptions());
        }
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return !context.confirmed;
    }
}
