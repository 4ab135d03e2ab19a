import * as vscode from 'vscode';
import type { Cluster } from '../../model/aks';
import type { UpgradeChannels } from '../../model/channels';
import { guardLine } from '../common/guardedChange';

/** What pinning changes, from → to (a channel already as wanted is left out), and what it means: shown before the pin is sent. */
export function pinSummary(cluster: Cluster, channels: UpgradeChannels): string {
    const nodeOs = cluster.nodeOsUpgradeChannel ?? 'NodeImage';
    const upgrade = cluster.upgradeChannel ?? 'none';
    return [
        ...(nodeOs.toLowerCase() !== channels.nodeOsUpgradeChannel.toLowerCase()
            ? [vscode.l10n.t('Node OS upgrade channel: {0} → {1}', nodeOs, channels.nodeOsUpgradeChannel)]
            : []),
        ...(upgrade.toLowerCase() !== channels.upgradeChannel.toLowerCase()
            ? [vscode.l10n.t('Auto-upgrade channel: {0} → {1}', upgrade, channels.upgradeChannel)]
            : []),
        vscode.l10n.t(
            'Nothing else changes. Node images then change only when you upgrade a pool yourself (to a snapshot or to the latest image); AKS no longer applies node image or Kubernetes updates on its own.',
        ),
        // AKS docs, "Autoupgrade node OS images": "allow up to 24 hours for the changes to take effect".
        ...(nodeOs.toLowerCase() !== channels.nodeOsUpgradeChannel.toLowerCase()
            ? [
                  vscode.l10n.t(
                      'AKS documents that a node OS channel change can take up to 24 hours to take effect: until then the old channel may still act in its window.',
                  ),
              ]
            : []),
        guardLine(cluster.name, cluster.eTag, true),
    ].join('\n');
}
