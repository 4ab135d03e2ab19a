import * as assert from 'assert';
import { AksService } from '../../../src/azure/AksService';
import type { Snapshot } from '../../../src/model/aks';
import { systemPoolProblems, vmSizeProblems } from '../../../src/model/rules';
import { findVmSize, parseVmSize } from '../../../src/model/vmSize';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';

/** VM size facts come from Azure's resource SKU list (R1, R8); the name is only read for the doc's family, or as a labelled fall-back. */
describe("VM sizes from Azure's facts", () => {
    let emulator: RunningEmulator;
    let service: AksService;
    const snapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
        id: '/s',
        name: 'snap',
        subscriptionId: 's',
        resourceGroup: 'rg',
        location: 'eastus',
        kubernetesVersion: '1.33.5',
        osType: 'Linux',
        osSku: 'Ubuntu',
        nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202611.03.0',
        vmSize: 'Standard_D4s_v5',
        tags: {},
        ...over,
    });

    before(async () => {
        emulator = await startEmulator({ seed: 'demo', pageSize: 10 });
        service = await AksService.create((await emulatorSessions(emulator))[0]);
    });
    after(() => emulator.close());

    it("reads a region's sizes once, across pages, with vCPUs, available vCPUs, architecture, generations, zones and restrictions", async () => {
        const eastus = await service.listVmSizes('eastus');
        const size = (name: string) => findVmSize(eastus, name)!;
        assert.deepStrictEqual(
            [size('Standard_DS3_v2').vCpusAvailable, size('Standard_DS11_v2').vCpusAvailable, size('standard_e4-2s_v5').vCpusAvailable],
            [4, 2, 2],
        );
        assert.strictEqual(size('Standard_E4-2s_v5').vCpus, 4);
        assert.strictEqual(size('Standard_D4ps_v5').architecture, 'Arm64');
        assert.deepStrictEqual(size('Standard_A2_v2').hyperVGenerations, ['V1']);
        assert.deepStrictEqual(size('Standard_D16s_v5').restrictedZones, ['3']);
        assert.ok(!eastus.some((s) => s.name === 'Premium_LRS'), 'only virtual machine sizes');
        assert.ok((await service.listVmSizes('westeurope')).find((s) => s.name === 'Standard_NC6s_v3')!.restricted);
        const reads = emulator.requests.filter((r) => r.url.includes('/Microsoft.Compute/skus')).length;
        await service.listVmSizes('EastUS');
        assert.strictEqual(
            emulator.requests.filter((r) => r.url.includes('/Microsoft.Compute/skus')).length,
            reads,
            'read once per region',
        );
    });

    it('R8 counts the available vCPUs Azure publishes: DS3_v2 passes, DS11_v2 and E4-2s_v5 do not', async () => {
        const region = { location: 'eastus', sizes: await service.listVmSizes('eastus') };
        const vcpuProblems = (vmSize: string) => systemPoolProblems(snapshot(), vmSize, region).map((p) => p.code);
        assert.deepStrictEqual(vcpuProblems('Standard_DS3_v2'), []);
        assert.deepStrictEqual(vcpuProblems('Standard_DS11_v2'), ['systemPoolVcpus']);
        assert.deepStrictEqual(vcpuProblems('Standard_E4-2s_v5'), ['systemPoolVcpus']);
        // The name alone guesses wrong: "DS3" reads as 3 vCPUs, "E4-2s" as 4.
        assert.deepStrictEqual(
            systemPoolProblems(snapshot(), 'Standard_DS3_v2').map((p) => p.code),
            ['systemPoolVcpus'],
        );
        assert.deepStrictEqual(
            systemPoolProblems(snapshot(), 'Standard_E4-2s_v5').map((p) => p.code),
            [],
        );
    });

    it('R1 with facts: names compare case-insensitively; a size must be offered there, of the architecture and generation the image needs', async () => {
        const eastus = { location: 'eastus', sizes: await service.listVmSizes('eastus') };
        assert.deepStrictEqual(vmSizeProblems('standard_d8s_v5', snapshot(), eastus), []);
        assert.ok(parseVmSize('standard_d4ps_v5')?.architecture === 'Arm64', 'a lower-case name still reads');
        assert.deepStrictEqual(
            vmSizeProblems('Standard_D8ps_v5', snapshot(), eastus).map((p) => p.code),
            ['vmFamilyMismatch'],
            'Arm64 size, x64 image',
        );
        assert.deepStrictEqual(
            vmSizeProblems('Standard_D32s_v5', snapshot(), eastus).map((p) => p.code),
            ['vmSizeNotOffered'],
            "a size not in the region's list",
        );
        assert.deepStrictEqual(vmSizeProblems('Standard_D32s_v5', snapshot()), [], 'without the list, the name-based fall-back accepts it');
        assert.deepStrictEqual(
            vmSizeProblems('Standard_A2_v2', snapshot({ vmSize: 'Standard_A4_v2' }), eastus).map((p) => p.code),
            ['vmSizeGeneration'],
            'a gen2 image needs a size that lists V2 (Standard_A2_v2 lists V1 only)',
        );
        assert.deepStrictEqual(
            vmSizeProblems(
                'Standard_A2_v2',
                snapshot({ vmSize: 'Standard_A4_v2', nodeImageVersion: 'AKSUbuntu-1804containerd-2022.03.21' }),
                eastus,
            ),
            [],
        );
        assert.deepStrictEqual(
            vmSizeProblems('Standard_NC6s_v3', snapshot({ vmSize: 'Standard_NC6s_v3' }), {
                location: 'westeurope',
                sizes: await service.listVmSizes('westeurope'),
            }).map((p) => p.code),
            ['vmSizeNotOffered'],
            'restricted for the subscription in the region',
        );
    });
});
