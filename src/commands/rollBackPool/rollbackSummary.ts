import * as vscode from 'vscode';
import type { RecentlyUsedVersion } from '../../model/rollback';
import { ROLLBACK_DAYS } from '../../model/rollback';
import { guardLine } from '../common/guardedChange';
import type { RollBackPoolContext } from './RollBackPoolContext';

/** "last used 2026-11-21 09:30 UTC", or that AKS gave no time. */
export function lastUsedWords(version: RecentlyUsedVersion): string {
    return version.lastUsed
        ? vscode.l10n.t('last used {0} UTC', version.lastUsed.toISOString().slice(0, 16).replace('T', ' '))
        : vscode.l10n.t('no time given by AKS');
}

/** What the rollback changes, from → to, and what it does not: shown before it is sent. */
export function rollbackSummary(context: RollBackPoolContext): string {
    const { pool, cluster, version } = context;
    const nodeOs = cluster.nodeOsUpgradeChannel ?? 'NodeImage';
    return [
        vscode.l10n.t('Kubernetes version: {0} → {1}', pool.kubernetesVersion, version!.kubernetesVersion),
        vscode.l10n.t('Node image: {0} → {1}', pool.nodeImageVersion ?? '?', version!.nodeImageVersion),
        vscode.l10n.t('Only the versions change; every other setting of the pool stays. AKS replaces the nodes as in an upgrade.'),
        vscode.l10n.t('AKS keeps earlier versions for {0} days after an upgrade and takes no second rollback in a row.', ROLLBACK_DAYS),
        // AKS docs: with the node OS channel on, the Kubernetes version goes back but the earlier node image may not.
        ...(['none', 'unmanaged'].includes(nodeOs.toLowerCase())
            ? []
            : [`⚠ ${vscode.l10n.t('Cluster "{0}" has node OS upgrade channel "{1}": AKS may not restore the earlier node image, and the channel moves the pool to the latest image at its next window.', cluster.name, nodeOs)}`]),
        guardLine(pool.name, pool.eTag, true),
    ].join('\n');
}
