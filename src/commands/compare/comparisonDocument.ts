import * as vscode from 'vscode';
import type { Cluster, NodePool, Snapshot } from '../../model/aks';
import { findVmSize, imageGeneration, parseVmSize, VmSizeFacts } from '../../model/vmSize';
import { formatDay, LatestNodeImage, nodeImageDate, ubuntuRelease } from '../../model/versions';
import { latestImageWords } from '../../messages/latestImageWords';

/** One side of a comparison: a node pool (with its cluster) or a snapshot, and the VM sizes of its region when Azure gave them. */
export type ComparedSide = (
    | { readonly kind: 'pool'; readonly pool: NodePool; readonly cluster: Cluster; readonly sizes?: readonly VmSizeFacts[] }
    | { readonly kind: 'snapshot'; readonly snapshot: Snapshot; readonly sizes?: readonly VmSizeFacts[] }
) & { /** AKS's latest node image for the pool, or of the snapshot's family in its region. */ readonly latest?: LatestNodeImage };

/**
 * The fields that decide whether a pool runs what a snapshot captured, one per line and in the same order on
 * both sides, so that VS Code's diff editor lines them up. VM size facts come from Azure's SKU list; a value read
 * from the size's name says so.
 */
export function comparisonDocument(side: ComparedSide): string {
    const facts =
        side.kind === 'pool'
            ? {
                  title: vscode.l10n.t('Node pool "{0}" of cluster "{1}"', side.pool.name, side.cluster.name),
                  ...side.pool,
                  image: side.pool.nodeImageVersion ?? '',
                  location: side.cluster.location,
              }
            : {
                  title: vscode.l10n.t('Snapshot "{0}"', side.snapshot.name),
                  ...side.snapshot,
                  image: side.snapshot.nodeImageVersion,
                  location: side.snapshot.location,
              };
    const date = nodeImageDate(facts.image);
    const release = ubuntuRelease(facts.image);
    const size = side.sizes && findVmSize(side.sizes, facts.vmSize);
    const guessed = parseVmSize(facts.vmSize);
    const byName = vscode.l10n.t('(from its name)');
    const notListed = vscode.l10n.t('(not listed in {0})', facts.location);
    const sizeFact = (fromAzure: string | undefined, fromName: string | undefined): string =>
        size ? (fromAzure ?? '') : side.sizes ? `${fromName ?? '?'} ${notListed}` : `${fromName ?? '?'} ${byName}`;
    const channels =
        side.kind === 'pool'
            ? [side.cluster.nodeOsUpgradeChannel ?? vscode.l10n.t('NodeImage (default)'), side.cluster.upgradeChannel ?? 'none']
            : [vscode.l10n.t('— (a snapshot has no cluster)'), vscode.l10n.t('— (a snapshot has no cluster)')];
    const rows: [string, string][] = [
        [vscode.l10n.t('Kubernetes version'), facts.kubernetesVersion],
        [vscode.l10n.t('Node image'), facts.image || '?'],
        [vscode.l10n.t('Node image date'), date ? formatDay(date) : '?'],
        [vscode.l10n.t("AKS's latest node image"), latestImageWords(facts.image, side.latest)],
        [vscode.l10n.t('Node image Hyper-V generation'), imageGeneration(facts.image)],
        [vscode.l10n.t('OS type'), facts.osType],
        [vscode.l10n.t('OS SKU'), facts.osSku ?? '?'],
        [vscode.l10n.t('Ubuntu release'), release ? `${Math.floor(release / 100)}.${String(release % 100).padStart(2, '0')}` : '—'],
        [vscode.l10n.t('FIPS'), facts.enableFips ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled')],
        [vscode.l10n.t('VM size'), facts.vmSize],
        [vscode.l10n.t('VM series'), guessed?.family ?? '?'],
        [vscode.l10n.t('CPU architecture'), sizeFact(size?.architecture, guessed?.architecture)],
        [vscode.l10n.t('vCPUs available'), sizeFact(size && String(size.vCpusAvailable), guessed && String(guessed.vCpus))],
        [vscode.l10n.t('Hyper-V generations of the size'), sizeFact(size?.hyperVGenerations.join(', '), undefined)],
        [vscode.l10n.t('Region'), facts.location],
        [vscode.l10n.t('Cluster node OS upgrade channel'), channels[0]],
        [vscode.l10n.t('Cluster auto-upgrade channel'), channels[1]],
    ];
    return [facts.title, '', ...rows.map(([label, value]) => `${label}: ${value}`), ''].join('\n');
}
