import { parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { azureNow } from '../../azure/azureClock';
import type { NodePool, Snapshot } from '../../model/aks';
import { parseArmId } from '../../model/armId';
import type { UpgradeFacts } from '../../model/rules';
import type { RecentlyUsedVersion } from '../../model/rollback';
import { isNewerImage } from '../../model/rules';
import { compareKubernetesVersions } from '../../model/versions';
import { inTurns } from '../../model/inTurns';

/** AKS's upgrade paths for one pool, or why they could not be read (the hand-written R5 then applies, and says so). */
export interface PoolUpgrades {
    readonly upgrades?: readonly string[];
    /** The versions AKS keeps for the pool's rollback (read only when asked for). */
    readonly recentlyUsed?: readonly RecentlyUsedVersion[];
    readonly unread?: string;
}

/** Reads at most this many pools' upgrade profiles at once (a roll-out plan may cover hundreds). */
const PROFILE_READS_AT_ONCE = 8;

/** Only a Kubernetes upgrade asks AKS's paths; a node-image-only or a backward one is judged without them. */
function asksUpgradePaths(pool: NodePool, snapshot: Snapshot): boolean {
    return (compareKubernetesVersions(snapshot.kubernetesVersion, pool.kubernetesVersion) ?? 0) > 0;
}

/**
 * The pool's upgrade profile from AKS, when one of the snapshots would change its Kubernetes version, or, with
 * `rollbacks`, when one is not newer than the pool (it may be a version AKS keeps for a rollback).
 */
export async function readPoolUpgrades(
    services: AksServices,
    pool: NodePool,
    snapshots: readonly Snapshot[],
    rollbacks = false,
): Promise<PoolUpgrades> {
    if (
        !snapshots.some(
            (snapshot) =>
                asksUpgradePaths(pool, snapshot) || (rollbacks && !isNewerImage(snapshot.nodeImageVersion, pool.nodeImageVersion)),
        )
    ) {
        return {};
    }
    try {
        const service = await services.forSubscription(parseArmId(pool.id)?.subscriptionId ?? '');
        const profile = await service.poolUpgradeProfile(pool.id);
        return { upgrades: profile.upgrades, ...(rollbacks ? { recentlyUsed: profile.recentlyUsed } : {}) };
    } catch (error) {
        return { unread: parseError(error).message };
    }
}

/** `readPoolUpgrades` for many pools, a few at a time; keyed by pool id. */
export async function readManyPoolUpgrades(
    services: AksServices,
    pools: readonly NodePool[],
    snapshot: Snapshot,
): Promise<Map<string, PoolUpgrades>> {
    const asked = pools.filter((p) => asksUpgradePaths(p, snapshot));
    const read = await inTurns(asked, PROFILE_READS_AT_ONCE, (pool) => readPoolUpgrades(services, pool, [snapshot]));
    return new Map(asked.map((pool, i) => [pool.id, read[i]]));
}

/** What an upgrade is judged on besides the pool and snapshot: Azure's clock (R12) and AKS's paths (R5). */
export function upgradeFacts(paths: PoolUpgrades | undefined): UpgradeFacts {
    return { now: azureNow(), upgrades: paths?.upgrades };
}

/** A line for a summary or a picker: where R5's paths came from when AKS's could not be read. */
export function upgradePathsNotice(paths: PoolUpgrades | undefined): string | undefined {
    return paths?.unread !== undefined
        ? vscode.l10n.t(
              "AKS's upgrade paths for the pool could not be read ({0}): the product's own one-minor-at-a-time rule was applied instead.",
              paths.unread,
          )
        : undefined;
}
