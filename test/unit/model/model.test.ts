import * as assert from 'assert';
import type { NodePool } from '../../../src/model/aks';
import { isSameArmId, nodePoolId, parseArmId, snapshotId } from '../../../src/model/armId';
import { poolChanges } from '../../../src/model/changes';
import { isTerminalState } from '../../../src/model/provisioning';
import {
    compareKubernetesVersions,
    compareNodeImages,
    formatDay,
    nodeImageDate,
    parseKubernetesVersion,
} from '../../../src/model/versions';
import { isSameVmFamily, parseVmSize } from '../../../src/model/vmSize';

describe('ARM ids', () => {
    it('parses pool and snapshot ids, whatever the case of the keywords', () => {
        assert.deepStrictEqual(
            parseArmId('/subscriptions/s1/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/p1'),
            { subscriptionId: 's1', resourceGroup: 'rg', type: 'Microsoft.ContainerService/managedClusters', name: 'c1', agentPool: 'p1' },
        );
        assert.deepStrictEqual(parseArmId(snapshotId('s2', 'rg2', 'snap')), {
            subscriptionId: 's2',
            resourceGroup: 'rg2',
            type: 'Microsoft.ContainerService/snapshots',
            name: 'snap',
            agentPool: undefined,
        });
        assert.strictEqual(parseArmId('/subscriptions/s1/resourceGroups/rg'), undefined);
        assert.strictEqual(parseArmId('not an id'), undefined);
    });

    it('compares ids without regard to case', () => {
        assert.ok(
            isSameArmId(
                nodePoolId('S', 'RG', 'c', 'p'),
                '/subscriptions/s/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/c/agentpools/p',
            ),
        );
        assert.ok(!isSameArmId(undefined, undefined));
    });
});

describe('VM sizes (R1)', () => {
    it('reads family, architecture and vCPUs', () => {
        assert.deepStrictEqual(parseVmSize('Standard_D4s_v5'), { family: 'D', architecture: 'x64', vCpus: 4 });
        assert.deepStrictEqual(parseVmSize('Standard_DS2_v2'), { family: 'D', architecture: 'x64', vCpus: 2 });
        assert.deepStrictEqual(parseVmSize('Standard_D4ps_v5'), { family: 'D', architecture: 'Arm64', vCpus: 4 });
        assert.deepStrictEqual(parseVmSize('Standard_D8pds_v5'), { family: 'D', architecture: 'Arm64', vCpus: 8 });
        assert.deepStrictEqual(parseVmSize('Standard_NC6s_v3'), { family: 'N', architecture: 'x64', vCpus: 6 });
        assert.deepStrictEqual(parseVmSize('Standard_ND96asr_v4'), { family: 'N', architecture: 'x64', vCpus: 96 });
        assert.deepStrictEqual(parseVmSize('Standard_E16-4s_v5'), { family: 'E', architecture: 'x64', vCpus: 16 });
        assert.deepStrictEqual(parseVmSize('Standard_B4ms'), { family: 'B', architecture: 'x64', vCpus: 4 });
        assert.strictEqual(parseVmSize('D4s_v5'), undefined);
    });

    it('same family means same series letters and same architecture', () => {
        assert.ok(isSameVmFamily('Standard_D4s_v5', 'Standard_DS2_v2'));
        assert.ok(isSameVmFamily('Standard_NC6s_v3', 'Standard_NV12s_v3'));
        assert.ok(!isSameVmFamily('Standard_D4s_v5', 'Standard_NC6s_v3'));
        assert.ok(!isSameVmFamily('Standard_D4s_v5', 'Standard_D4ps_v5'));
        assert.ok(!isSameVmFamily('Standard_D4s_v5', 'Standard_E4s_v5'));
        assert.ok(!isSameVmFamily('Standard_D4s_v5', 'nonsense'));
    });
});

describe('Versions', () => {
    it('orders Kubernetes versions numerically', () => {
        assert.ok(compareKubernetesVersions('1.9.6', '1.10.0')! < 0);
        assert.ok(compareKubernetesVersions('1.33.5', '1.33.3')! > 0);
        assert.strictEqual(compareKubernetesVersions('garbage', '1.33.5'), undefined, 'an unreadable version has no order');
        assert.strictEqual(compareKubernetesVersions('1.33', '1.33.0'), 0);
        assert.deepStrictEqual(parseKubernetesVersion('v1.2.3'), { major: 1, minor: 2, patch: 3 });
        assert.strictEqual(parseKubernetesVersion('latest'), undefined);
    });

    it('reads the publish date from each node image version form (R3, R12)', () => {
        assert.strictEqual(formatDay(nodeImageDate('AKSUbuntu-2204gen2containerd-202411.12.0')!), '2024-11-12');
        assert.strictEqual(formatDay(nodeImageDate('AKSUbuntu-1804gen2containerd-2022.03.21')!), '2022-03-21');
        assert.strictEqual(formatDay(nodeImageDate('AKSAzureLinux-V3gen2-202609.15.0')!), '2026-09-15');
        assert.strictEqual(formatDay(nodeImageDate('AKSWindows-2022-containerd-20348.4294.251021')!), '2025-10-21');
        assert.strictEqual(nodeImageDate('AKSUbuntu-2204gen2containerd-202413.40.0'), undefined);
        assert.strictEqual(nodeImageDate('AKSUbuntu:1604:2020.03.11'), undefined);
        assert.ok(compareNodeImages('AKSUbuntu-2204gen2containerd-202411.12.0', 'AKSUbuntu-1804gen2containerd-2022.03.21')! > 0);
    });

    it('knows the terminal provisioning states (R10)', () => {
        assert.ok(isTerminalState('Succeeded') && isTerminalState('failed') && isTerminalState('Canceled'));
        assert.ok(
            !isTerminalState(undefined) && !isTerminalState('') && !isTerminalState('Frobnicating'),
            'a missing or unknown state is busy',
        );
        assert.ok(!isTerminalState('Upgrading') && !isTerminalState('UpgradingNodeImageVersion') && !isTerminalState('Creating'));
    });
});

describe('What changed in a pool since it was confirmed', () => {
    it('names each field people read that differs, before and after', () => {
        const confirmed: NodePool = {
            id: 'p',
            name: 'gpu',
            clusterId: 'c',
            mode: 'User',
            osType: 'Linux',
            vmSize: 'Standard_NC6s_v3',
            count: 3,
            kubernetesVersion: '1.33.5',
            nodeImageVersion: 'a',
            provisioningState: 'Succeeded',
            eTag: '1',
        };
        assert.deepStrictEqual(poolChanges(confirmed, { ...confirmed, eTag: '2' }), [], 'an eTag alone is no change a person reads');
        assert.deepStrictEqual(poolChanges(confirmed, { ...confirmed, count: 9, nodeImageVersion: 'b', snapshotId: '/s' }), [
            { field: 'nodeImageVersion', before: 'a', after: 'b' },
            { field: 'snapshotId', before: '', after: '/s' },
            { field: 'count', before: '3', after: '9' },
        ]);
    });
});
