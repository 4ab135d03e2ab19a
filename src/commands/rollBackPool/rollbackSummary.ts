import * as vscode from 'vscode';
import { AzCommand, AzComment, nodePoolRollbackCommand } from '../../model/azCommands';
import type { Cluster, NodePool } from '../../model/aks';
import { byNewest, RecentlyUsedVersion, ROLLBACK_DAYS } from '../../model/rollback';
import { guardLine } from '../common/guardedChange';
import { dateTimeWords } from '../../messages/dateWords';

/** "last used 2026-11-21 09:30 UTC", or that AKS gave no time. */
export function lastUsedWords(version: RecentlyUsedVersion): string {
    return version.lastUsed
        ? vscode.l10n.t('last used {0} UTC', dateTimeWords(version.lastUsed, 'UTC'))
        : vscode.l10n.t('no time given by AKS');
}

/** What the rollback changes, from → to, and what it does not: shown before it is sent. */
export function rollbackSummary(pool: NodePool, cluster: Cluster, version: RecentlyUsedVersion): string {
    const nodeOs = cluster.nodeOsUpgradeChannel ?? 'NodeImage';
    return [
        vscode.l10n.t('Kubernetes version: {0} → {1}', pool.kubernetesVersion, version.kubernetesVersion),
        vscode.l10n.t('Node image: {0} → {1}', pool.nodeImageVersion ?? '?', version.nodeImageVersion),
        vscode.l10n.t('Only the versions change; every other setting of the pool stays. AKS replaces the nodes as in an upgrade.'),
        vscode.l10n.t('AKS keeps earlier versions for {0} days after an upgrade and takes no second rollback in a row.', ROLLBACK_DAYS),
        // AKS docs: with the node OS channel on, the Kubernetes version goes back but the earlier node image may not.
        ...(['none', 'unmanaged'].includes(nodeOs.toLowerCase())
            ? []
            : [
                  `⚠ ${vscode.l10n.t('Cluster "{0}" has node OS upgrade channel "{1}": AKS may not restore the earlier node image, and the channel moves the pool to the latest image at its next window.', cluster.name, nodeOs)}`,
              ]),
        guardLine(pool.name, pool.eTag, true),
    ].join('\n');
}

/**
 * The az line of a rollback: `az aks nodepool rollback` goes to the most recent version only (the CLI's reference:
 * "N-1"); a rollback to an older one says how it was sent instead.
 */
export function rollbackAzLine(
    poolId: string,
    version: RecentlyUsedVersion,
    recentlyUsed: readonly RecentlyUsedVersion[],
): AzCommand | AzComment {
    const [newest] = byNewest(recentlyUsed);
    return newest?.nodeImageVersion === version.nodeImageVersion
        ? nodePoolRollbackCommand(poolId)
        : {
              comment: vscode.l10n.t(
                  'az aks nodepool rollback goes back to the most recent version only; this rollback to {0} was sent as a pool PUT with nodeImageVersion.',
                  version.nodeImageVersion,
              ),
          };
}
