import { clusterId, nodePoolId, snapshotId } from '../../src/model/armId';
import { PLATFORM_SUBSCRIPTION, SANDBOX_SUBSCRIPTION } from '../emulator/seeds';

/** Ids of the demo seed's resources, as the tree shows them. */
export const ids = {
    eastus: clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus'),
    weu: clusterId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu'),
    legacy: clusterId(PLATFORM_SUBSCRIPTION, 'rg-legacy', 'aks-legacy'),
    sandbox: clusterId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'aks-sandbox'),
    pool: {
        system: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'system'),
        gpu: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'gpu'),
        memory: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'memory'),
        win22: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-eastus', 'aks-prod-eastus', 'win22'),
        weuSystem: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu', 'system'),
        batch: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'aks-prod-weu', 'batch'),
        legacy: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-legacy', 'aks-legacy', 'nodepool1'),
        vmpool: nodePoolId(PLATFORM_SUBSCRIPTION, 'rg-legacy', 'aks-legacy', 'vmpool'),
    },
    snapshot: {
        system: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'),
        memory2609: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2609'),
        memory2611: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-memory-2611'),
        gpu: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-gpu-2611'),
        win: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-win-2610'),
        k8s130: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-k8s130'),
        arm: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-platform-weu', 'snap-arm-2611'),
        legacy: snapshotId(PLATFORM_SUBSCRIPTION, 'rg-legacy', 'snap-legacy-2505'),
        sandbox: snapshotId(SANDBOX_SUBSCRIPTION, 'rg-sandbox', 'snap-sandbox-2611'),
    },
};
