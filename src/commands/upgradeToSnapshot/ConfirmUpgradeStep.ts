import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseArmId } from '../../model/armId';
import { pinnedChannels, reimagingChannel } from '../../model/channels';
import { isRetry } from '../../model/rules';
import { surgeProblems } from '../../model/poolOptions';
import { AdvancedOption, editAdvancedOptions } from '../common/advancedOptions';
import { guardLine } from '../common/guardedChange';
import { upgradePathsNotice } from '../common/upgradeFacts';
import { upgradeSettingLines, upgradeSettingOptions } from '../common/upgradeSettings';
import { describeProblem } from '../../messages/describeProblem';
import { pinSummary } from '../pinCluster/pinSummary';
import { lastUsedWords, rollbackSummary } from '../rollBackPool/rollbackSummary';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';
import { required } from '../../model/required';

/** What will change, from → to, and how, and where R5's paths came from; a modal a person must confirm. */
export function upgradeSummary(context: UpgradeToSnapshotContext): string {
    const { pool, snapshot, path } = context;
    const linkName = (id: string | undefined): string => (id ? (parseArmId(id)?.name ?? id) : vscode.l10n.t('none'));
    if (context.rollback) {
        return [
            vscode.l10n.t(
                'Path: rollback. AKS keeps Kubernetes {0} with node image {1} for this pool ({2}): the pool goes back to it, as Roll Back Pool does.',
                context.rollback.kubernetesVersion,
                context.rollback.nodeImageVersion,
                lastUsedWords(context.rollback),
            ),
            rollbackSummary(pool, context.cluster, context.rollback),
            vscode.l10n.t(
                'Snapshot link: {0} → as AKS leaves it after a rollback (the snapshot itself is not sent)',
                linkName(pool.snapshotId),
            ),
        ].join('\n');
    }
    const lines = [
        vscode.l10n.t('Kubernetes version: {0} → {1}', pool.kubernetesVersion, required(snapshot, 'snapshot').kubernetesVersion),
        vscode.l10n.t('Node image: {0} → {1}', pool.nodeImageVersion ?? '?', required(snapshot, 'snapshot').nodeImageVersion),
        vscode.l10n.t('Snapshot link: {0} → {1}', linkName(pool.snapshotId), required(snapshot, 'snapshot').name),
        path === 'nodeImageOnly'
            ? vscode.l10n.t('Path: node image only (equal Kubernetes versions); surge and drain settings do not apply.')
            : vscode.l10n.t(
                  'Path: Kubernetes upgrade of the whole pool{0}.',
                  context.maxSurge ? vscode.l10n.t(', max surge {0}', context.maxSurge) : '',
              ),
        // R5's source: the pool's upgrade profile from AKS, or the product's fall-back when it could not be read.
        ...(path === 'kubernetes'
            ? [
                  upgradePathsNotice(context.poolUpgrades) ??
                      vscode.l10n.t(
                          'Kubernetes {0} is an upgrade AKS lists for the pool.',
                          required(snapshot, 'snapshot').kubernetesVersion,
                      ),
              ]
            : []),
        ...upgradeOptionLines(context),
        // The node image POST takes no If-Match in Azure's REST spec; the pool PUT does.
        guardLine(pool.name, pool.eTag, path === 'kubernetes'),
    ];
    const warnings = [reimagingChannel(context.cluster)].filter((w) => w !== undefined);
    return [...lines, ...(warnings.length ? ['', ...warnings.map((w) => `⚠ ${describeProblem(w)}`)] : [])].join('\n');
}

/** The settings set under "Advanced options…" (Kubernetes path only, R6). */
function upgradeOptionLines(context: UpgradeToSnapshotContext): string[] {
    return context.path === 'kubernetes' ? upgradeSettingLines(context.upgradeOptions ?? {}, false) : [];
}

/** What the Kubernetes path offers under "Advanced options…" (`az aks nodepool upgrade`'s settings; max surge is its own step). */
export function advancedUpgradeOptions(): AdvancedOption<UpgradeToSnapshotContext>[] {
    return upgradeSettingOptions<UpgradeToSnapshotContext>((c) => (c.upgradeOptions ??= {}), false);
}

export class ConfirmUpgradeStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    /**
     * Its Advanced Options ask many boxes within this one step: without this the wizard remembers each box's text
     * under the step and opens the next box with it.
     */
    public supportsDuplicateSteps = true;

    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        // A pool whose upgrade to this snapshot ended Failed is sent the same upgrade again: a retry (R5).
        const retry = isRetry(context.pool, required(context.snapshot, 'snapshot'));
        const upgrade: vscode.MessageItem = {
            title: context.rollback ? vscode.l10n.t('Roll Back') : retry ? vscode.l10n.t('Retry') : vscode.l10n.t('Upgrade'),
        };
        const pinFirst: vscode.MessageItem = { title: vscode.l10n.t('Pin Cluster, Then Upgrade') };
        const advanced: vscode.MessageItem = { title: vscode.l10n.t('Advanced Options…') };
        // R7: where the cluster's channels would undo the upgrade, pinning it first is offered beside the upgrade.
        const atRisk = !!reimagingChannel(context.cluster);
        // R6: surge and drain settings apply to the Kubernetes path only.
        for (;;) {
            // A surge-less upgrade needs max unavailable first: until then only Advanced Options… is offered.
            const kubernetesUpgrade = context.path === 'kubernetes' && !context.rollback;
            const blocked = kubernetesUpgrade ? surgeProblems(context.maxSurge, context.upgradeOptions?.maxUnavailable) : [];
            // The narrow action is the default (first) button; pinning changes the whole cluster and is never the default.
            const buttons = [...(blocked.length ? [] : atRisk ? [upgrade, pinFirst] : [upgrade]), ...(kubernetesUpgrade ? [advanced] : [])];
            const summary = [upgradeSummary(context), ...blocked.map((p) => `⛔ ${describeProblem(p)}`)].join('\n');
            const detail = atRisk
                ? [
                      summary,
                      '',
                      vscode.l10n.t('Pin Cluster, Then Upgrade:'),
                      pinSummary(context.cluster, pinnedChannels(context.cluster)),
                  ].join('\n')
                : summary;
            const choice = await context.ui.showWarningMessage(
                context.rollback
                    ? vscode.l10n.t(
                          'Roll node pool "{0}" of "{1}" back to the version of snapshot "{2}"?',
                          context.pool.name,
                          context.cluster.name,
                          required(context.snapshot, 'snapshot').name,
                      )
                    : retry
                      ? vscode.l10n.t(
                            'The upgrade of node pool "{0}" of "{1}" to snapshot "{2}" ended Failed. Send it again?',
                            context.pool.name,
                            context.cluster.name,
                            required(context.snapshot, 'snapshot').name,
                        )
                      : vscode.l10n.t(
                            'Upgrade node pool "{0}" of "{1}" to snapshot "{2}"?',
                            context.pool.name,
                            context.cluster.name,
                            required(context.snapshot, 'snapshot').name,
                        ),
                { modal: true, detail, stepName: 'confirmUpgrade' },
                ...buttons,
            );
            if (choice !== advanced) {
                context.pinChannels = choice === pinFirst ? pinnedChannels(context.cluster) : undefined;
                context.confirmed = true;
                return;
            }
            await editAdvancedOptions(
                context,
                vscode.l10n.t('Advanced options for upgrading node pool "{0}"', context.pool.name),
                advancedUpgradeOptions(),
            );
        }
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return !context.confirmed;
    }
}
