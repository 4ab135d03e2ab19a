import type { Json } from './http';

/**
 * VM size facts as the Compute resource SKU list publishes them (`az vm list-skus`), for every size the seeds use
 * or offer, with neighbours whose names mislead: `Standard_DS3_v2` has 4 vCPUs, `Standard_DS11_v2` 2, and
 * `Standard_E4-2s_v5` 4 of which 2 are available (a constrained-core size). Values are Azure's own.
 */

interface Size {
    readonly name: string;
    readonly family: string;
    readonly vCPUs: number;
    /** Fewer than vCPUs on constrained-core sizes. */
    readonly vCPUsAvailable?: number;
    readonly memoryGB: number;
    readonly hyperV: 'V1' | 'V2' | 'V1,V2';
    readonly arch: 'x64' | 'Arm64';
    readonly gpus?: number;
    readonly premiumIO?: boolean;
    readonly ephemeralOSDisk?: boolean;
    readonly maxNics: number;
    readonly maxDataDisks: number;
    /** Regions that do not offer the size at all. */
    readonly notIn?: readonly string[];
    /** Restrictions for this subscription: the whole region, or some of its zones. */
    readonly restrictions?: readonly { location: string; zones?: readonly string[] }[];
}

export const VM_SIZES: readonly Size[] = [
    { name: 'Standard_A2_v2', family: 'standardAv2Family', vCPUs: 2, memoryGB: 4, hyperV: 'V1', arch: 'x64', maxNics: 2, maxDataDisks: 4 },
    {
        name: 'Standard_B2s',
        family: 'standardBSFamily',
        vCPUs: 2,
        memoryGB: 4,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 3,
        maxDataDisks: 4,
    },
    {
        name: 'Standard_B4ms',
        family: 'standardBSFamily',
        vCPUs: 4,
        memoryGB: 16,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 4,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_DS2_v2',
        family: 'standardDSv2Family',
        vCPUs: 2,
        memoryGB: 7,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_DS3_v2',
        family: 'standardDSv2Family',
        vCPUs: 4,
        memoryGB: 14,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 4,
        maxDataDisks: 16,
    },
    {
        name: 'Standard_DS11_v2',
        family: 'standardDSv2Family',
        vCPUs: 2,
        memoryGB: 14,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_D2s_v3',
        family: 'standardDSv3Family',
        vCPUs: 2,
        memoryGB: 8,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 4,
    },
    {
        name: 'Standard_D4s_v3',
        family: 'standardDSv3Family',
        vCPUs: 4,
        memoryGB: 16,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_D2s_v5',
        family: 'standardDSv5Family',
        vCPUs: 2,
        memoryGB: 8,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 2,
        maxDataDisks: 4,
    },
    {
        name: 'Standard_D4s_v5',
        family: 'standardDSv5Family',
        vCPUs: 4,
        memoryGB: 16,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_D8s_v5',
        family: 'standardDSv5Family',
        vCPUs: 8,
        memoryGB: 32,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 4,
        maxDataDisks: 16,
    },
    {
        name: 'Standard_D16s_v5',
        family: 'standardDSv5Family',
        vCPUs: 16,
        memoryGB: 64,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 8,
        maxDataDisks: 32,
        restrictions: [{ location: 'eastus', zones: ['3'] }],
    },
    {
        name: 'Standard_D4ds_v5',
        family: 'standardDDSv5Family',
        vCPUs: 4,
        memoryGB: 16,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_D2ps_v5',
        family: 'standardDPSv5Family',
        vCPUs: 2,
        memoryGB: 8,
        hyperV: 'V2',
        arch: 'Arm64',
        premiumIO: true,
        maxNics: 2,
        maxDataDisks: 4,
    },
    {
        name: 'Standard_D4ps_v5',
        family: 'standardDPSv5Family',
        vCPUs: 4,
        memoryGB: 16,
        hyperV: 'V2',
        arch: 'Arm64',
        premiumIO: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_D8ps_v5',
        family: 'standardDPSv5Family',
        vCPUs: 8,
        memoryGB: 32,
        hyperV: 'V2',
        arch: 'Arm64',
        premiumIO: true,
        maxNics: 4,
        maxDataDisks: 16,
    },
    {
        name: 'Standard_E4-2s_v5',
        family: 'standardESv5Family',
        vCPUs: 4,
        vCPUsAvailable: 2,
        memoryGB: 32,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_E8s_v5',
        family: 'standardESv5Family',
        vCPUs: 8,
        memoryGB: 64,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 4,
        maxDataDisks: 16,
    },
    {
        name: 'Standard_E16s_v5',
        family: 'standardESv5Family',
        vCPUs: 16,
        memoryGB: 128,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        maxNics: 8,
        maxDataDisks: 32,
    },
    {
        name: 'Standard_F8s_v2',
        family: 'standardFSv2Family',
        vCPUs: 8,
        memoryGB: 16,
        hyperV: 'V1,V2',
        arch: 'x64',
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 4,
        maxDataDisks: 16,
    },
    {
        name: 'Standard_NC6s_v3',
        family: 'standardNCSv3Family',
        vCPUs: 6,
        memoryGB: 112,
        hyperV: 'V1,V2',
        arch: 'x64',
        gpus: 1,
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 4,
        maxDataDisks: 12,
        restrictions: [{ location: 'westeurope' }],
    },
    {
        name: 'Standard_NC24ads_A100_v4',
        family: 'standardNCADSA100v4Family',
        vCPUs: 24,
        memoryGB: 220,
        hyperV: 'V2',
        arch: 'x64',
        gpus: 1,
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 2,
        maxDataDisks: 8,
    },
    {
        name: 'Standard_ND96asr_v4',
        family: 'standardNDASv4_A100Family',
        vCPUs: 96,
        memoryGB: 900,
        hyperV: 'V2',
        arch: 'x64',
        gpus: 8,
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 8,
        maxDataDisks: 32,
        notIn: ['japaneast', 'northeurope'],
    },
    {
        name: 'Standard_NV36ads_A10_v5',
        family: 'StandardNVADSA10v5Family',
        vCPUs: 36,
        memoryGB: 440,
        hyperV: 'V2',
        arch: 'x64',
        gpus: 1,
        premiumIO: true,
        ephemeralOSDisk: true,
        maxNics: 4,
        maxDataDisks: 24,
    },
];

const ZONES = ['1', '2', '3'];
const bool = (value: boolean | undefined): string => (value ? 'True' : 'False');

/** The resource SKU entries for a region, as `GET …/providers/Microsoft.Compute/skus?$filter=location eq '<region>'` lists them. */
export function resourceSkus(location: string): Json[] {
    const region = location.toLowerCase();
    const sizes = VM_SIZES.filter((s) => !s.notIn?.includes(region)).map(
        (s): Json => ({
            resourceType: 'virtualMachines',
            name: s.name,
            tier: 'Standard',
            size: s.name.replace(/^Standard_/, ''),
            family: s.family,
            locations: [region],
            locationInfo: [
                {
                    location: region,
                    zones: ZONES,
                    zoneDetails: s.premiumIO ? [{ name: ZONES, capabilities: [{ name: 'UltraSSDAvailable', value: 'True' }] }] : [],
                },
            ],
            capabilities: [
                { name: 'MaxResourceVolumeMB', value: String(s.ephemeralOSDisk ? s.vCPUs * 38400 : 0) },
                { name: 'OSVhdSizeMB', value: '1047552' },
                { name: 'vCPUs', value: String(s.vCPUs) },
                { name: 'MemoryPreservingMaintenanceSupported', value: 'True' },
                { name: 'HyperVGenerations', value: s.hyperV },
                { name: 'MemoryGB', value: String(s.memoryGB) },
                { name: 'MaxDataDiskCount', value: String(s.maxDataDisks) },
                { name: 'CpuArchitectureType', value: s.arch },
                { name: 'LowPriorityCapable', value: 'True' },
                { name: 'PremiumIO', value: bool(s.premiumIO) },
                { name: 'VMDeploymentTypes', value: 'IaaS' },
                { name: 'vCPUsAvailable', value: String(s.vCPUsAvailable ?? s.vCPUs) },
                ...(s.gpus ? [{ name: 'GPUs', value: String(s.gpus) }] : []),
                { name: 'vCPUsPerCore', value: s.arch === 'Arm64' || s.name.startsWith('Standard_A') ? '1' : '2' },
                { name: 'EphemeralOSDiskSupported', value: bool(s.ephemeralOSDisk) },
                { name: 'EncryptionAtHostSupported', value: 'True' },
                { name: 'CapacityReservationSupported', value: 'True' },
                { name: 'AcceleratedNetworkingEnabled', value: bool(!s.name.startsWith('Standard_A') && !s.name.startsWith('Standard_B')) },
                { name: 'RdmaEnabled', value: bool(s.name === 'Standard_ND96asr_v4') },
                { name: 'MaxNetworkInterfaces', value: String(s.maxNics) },
            ],
            restrictions: (s.restrictions ?? [])
                .filter((r) => r.location === region)
                .map((r) =>
                    r.zones
                        ? {
                              type: 'Zone',
                              values: [region],
                              restrictionInfo: { locations: [region], zones: r.zones },
                              reasonCode: 'NotAvailableForSubscription',
                          }
                        : {
                              type: 'Location',
                              values: [region],
                              restrictionInfo: { locations: [region] },
                              reasonCode: 'NotAvailableForSubscription',
                          },
                ),
        }),
    );
    // The real list holds every resource type; a client must pick the virtual machines.
    const disk: Json = {
        resourceType: 'disks',
        name: 'Premium_LRS',
        tier: 'Premium',
        size: 'P1',
        family: 'PremiumSSD',
        locations: [region],
        locationInfo: [{ location: region, zones: ZONES, zoneDetails: [] }],
        capabilities: [
            { name: 'MaxSizeGiB', value: '4' },
            { name: 'MinSizeGiB', value: '0' },
            { name: 'MaxIOps', value: '120' },
        ],
        restrictions: [],
    };
    return [...sizes, disk];
}
