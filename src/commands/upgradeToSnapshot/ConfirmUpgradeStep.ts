import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { parseArmId } from '../../model/armId';
import { reimagingChannel } from '../../model/channels';
import { imageAgeWarning } from '../../model/rules';
import { describeProblem } from '../describeProblem';
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
    ];
    const warnings = [imageAgeWarning(snapshot!, new Date()), reimagingChannel(context.cluster)].filter((w) => w !== undefined);
    return [...lines, ...(warnings.length ? ['', ...warnings.map((w) => `⚠ ${describeProblem(w)}`)] : [])].join('\n');
}

export class ConfirmUpgradeStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        const upgrade: vscode.MessageItem = { title: vscode.l10n.t('Upgrade') };
        await context.ui.showWarningMessage(
            vscode.l10n.t('Upgrade node pool "{0}" of "{1}" to snapshot "{2}"?', context.pool.name, context.cluster.name, context.snapshot!.name),
            { modal: true, detail: upgradeSummary(context), stepName: 'confirmUpgrade' },
            upgrade,
        );
        context.confirmed = true;
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return !context.confirmed;
    }
}
