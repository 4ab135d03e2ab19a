import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { snapshotAsRollback } from '../../model/rollback';
import { upgradePath, upgradeProblems } from '../../model/rules';
import { pickUsable } from '../common/pickUsable';
import { readPoolUpgrades, upgradeFacts, upgradePathsNotice } from '../common/upgradeFacts';
import { requireSomethingRead, unreadableSubscriptions } from '../common/unreadableSubscriptions';
import type { UpgradeToSnapshotContext } from './UpgradeToSnapshotContext';

/** Every snapshot, in every subscription; those that cannot apply to this pool show why (R1, R5, R10). */
export class UpgradeSnapshotStep extends AzureWizardPromptStep<UpgradeToSnapshotContext> {
    async prompt(context: UpgradeToSnapshotContext): Promise<void> {
        const { pool, cluster } = context;
        const { items: snapshots, failures } = await context.services.fromEverySubscription((s) => s.listSnapshots());
        requireSomethingRead(snapshots, failures);
        // AKS's upgrade paths for the pool (R5), once: every snapshot newer in Kubernetes is judged on the same list.
        // The profile also holds the versions AKS keeps for a rollback: an older snapshot with one of them is a rollback.
        const paths = await readPoolUpgrades(context.services, pool, snapshots, true);
        const notice = upgradePathsNotice(paths);
        const picked = await pickUsable(
            context,
            snapshots.map((snapshot) => {
                const facts = upgradeFacts(paths);
                const problems = upgradeProblems(pool, cluster, snapshot, facts);
                const rollback = snapshotAsRollback(pool, cluster, snapshot, problems, paths.recentlyUsed ?? [], facts.now);
                const path = rollback
                    ? vscode.l10n.t('rollback (AKS keeps this version for the pool)')
                    : upgradePath(pool, snapshot) === 'nodeImageOnly'
                      ? vscode.l10n.t('node image only')
                      : vscode.l10n.t('Kubernetes {0} → {1}', pool.kubernetesVersion, snapshot.kubernetesVersion);
                return {
                    label: snapshot.name,
                    description: `${snapshot.kubernetesVersion} · ${snapshot.nodeImageVersion} · ${path}`,
                    data: { snapshot, rollback: rollback?.version },
                    problems: rollback?.problems ?? problems,
                };
            }),
            vscode.l10n.t(
                'Snapshot to upgrade node pool "{0}" to (now Kubernetes {1}, {2})',
                pool.name,
                pool.kubernetesVersion,
                pool.nodeImageVersion ?? '?',
            ) +
                (notice ? ` ${notice}` : '') +
                unreadableSubscriptions(failures),
            'snapshot',
        );
        context.snapshot = picked.snapshot;
        context.rollback = picked.rollback;
        context.path = upgradePath(pool, context.snapshot);
        context.poolUpgrades = paths;
    }

    shouldPrompt(context: UpgradeToSnapshotContext): boolean {
        return !context.snapshot;
    }
}
