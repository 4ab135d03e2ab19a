/** What R1 and R8 need to know about an Azure VM size name. */
export interface VmSize {
    /** Series letters after `Standard_`, with DS folded into D and NC/ND/NV into N. */
    readonly family: string;
    readonly architecture: 'x64' | 'Arm64';
    readonly vCpus: number;
}

// Standard_<series letters><vCPUs>[-constrained]<feature letters>[_<accelerator>][_v<n>]; Azure compares names
// case-insensitively, so `standard_d4s_v5` is the same size.
const VM_SIZE = /^Standard_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)(?:_[A-Za-z0-9]+)*$/;

export function parseVmSize(name: string): VmSize | undefined {
    const match = VM_SIZE.exec(canonicalVmSizeName(name));
    if (!match) {
        return undefined;
    }
    const [, series, cpus, features] = match;
    return {
        family: seriesFamily(series),
        architecture: features.includes('p') ? 'Arm64' : 'x64',
        vCpus: Number(cpus),
    };
}

/** `standard_d4s_v5` → `Standard_D4s_v5`: series letters upper case, feature letters lower case, as Azure spells them. */
function canonicalVmSizeName(name: string): string {
    const match = /^standard_([a-z]+)(\d+)((?:-\d+)?)([a-z]*)((?:_[a-z0-9]+)*)$/i.exec(name.trim());
    if (!match) {
        return name.trim();
    }
    const [, series, cpus, constrained, features, rest] = match;
    return `Standard_${series.toUpperCase()}${cpus}${constrained}${features.toLowerCase()}${rest.replace(/_v(\d+)$/i, '_v$1')}`;
}

function seriesFamily(series: string): string {
    if (series === 'DS') {
        return 'D';
    }
    if (/^N[CDV]$/.test(series)) {
        return 'N';
    }
    return series;
}

/** R1: same family letters and same CPU architecture. Unknown names are never the same family. */
export function isSameVmFamily(a: string, b: string): boolean {
    const first = parseVmSize(a);
    const second = parseVmSize(b);
    return !!first && !!second && first.family === second.family && first.architecture === second.architecture;
}

/** Common AKS VM sizes, offered in quick picks before "Other…". */
const COMMON_VM_SIZES = [
    'Standard_D2s_v5',
    'Standard_D4s_v5',
    'Standard_D8s_v5',
    'Standard_D16s_v5',
    'Standard_D32s_v5',
    'Standard_D4ds_v5',
    'Standard_D8ds_v5',
    'Standard_D4as_v5',
    'Standard_D8as_v5',
    'Standard_DS2_v2',
    'Standard_D2s_v3',
    'Standard_D4s_v3',
    'Standard_D2ps_v5',
    'Standard_D4ps_v5',
    'Standard_D8ps_v5',
    'Standard_D16ps_v5',
    'Standard_D4pds_v5',
    'Standard_D8pds_v5',
    'Standard_E2s_v5',
    'Standard_E4s_v5',
    'Standard_E8s_v5',
    'Standard_E16s_v5',
    'Standard_E32s_v5',
    'Standard_E2ps_v5',
    'Standard_E4ps_v5',
    'Standard_E8ps_v5',
    'Standard_E16ps_v5',
    'Standard_NC6s_v3',
    'Standard_NC12s_v3',
    'Standard_NC24s_v3',
    'Standard_NC4as_T4_v3',
    'Standard_NC8as_T4_v3',
    'Standard_NC24ads_A100_v4',
    'Standard_NV12s_v3',
    'Standard_B2s',
    'Standard_B2ms',
    'Standard_B4ms',
    'Standard_B8ms',
    'Standard_B16ms',
    'Standard_F4s_v2',
    'Standard_F8s_v2',
    'Standard_F16s_v2',
    'Standard_L8s_v3',
    'Standard_L16s_v3',
];

/** R1: the sizes a pool made from a snapshot may use, the snapshot's own first. */
export function suggestedVmSizes(snapshotVmSize: string): string[] {
    const same = COMMON_VM_SIZES.filter((size) => size !== snapshotVmSize && isSameVmFamily(size, snapshotVmSize));
    return [snapshotVmSize, ...same];
}

/** A VM size as Azure's resource SKU list (`az vm list-skus`) describes it in one region, for one subscription. */
export interface VmSizeFacts {
    readonly name: string;
    readonly vCpus: number;
    /** Fewer than `vCpus` on constrained-core sizes (`Standard_E4-2s_v5`: 4 and 2). */
    readonly vCpusAvailable: number;
    readonly memoryGb?: number;
    readonly architecture: 'x64' | 'Arm64';
    /** `V1`, `V2`: the Hyper-V generations of images the size can run. */
    readonly hyperVGenerations: readonly string[];
    readonly zones: readonly string[];
    /** Zones where the subscription may not use the size. */
    readonly restrictedZones: readonly string[];
    /** Not offered to the subscription in the region at all. */
    readonly restricted: boolean;
    /** Can hold the OS disk on its local storage (`EphemeralOSDiskSupported`). */
    readonly ephemeralOsDisk: boolean;
}

interface ResourceSku {
    readonly resourceType?: string;
    readonly name?: string;
    readonly locations?: readonly string[];
    readonly capabilities?: readonly { name?: string; value?: string }[];
    readonly locationInfo?: readonly { location?: string; zones?: readonly string[] }[];
    readonly restrictions?: readonly { type?: string; restrictionInfo?: { locations?: readonly string[]; zones?: readonly string[] } }[];
}

/** The virtual machine sizes of a region, read from Azure's resource SKU entries (other resource types are skipped). */
export function parseVmSizeFacts(skus: readonly unknown[], location: string): VmSizeFacts[] {
    const region = location.toLowerCase();
    return (skus as ResourceSku[])
        .filter(
            (sku): sku is ResourceSku & { name: string } =>
                sku.resourceType === 'virtualMachines' &&
                typeof sku.name === 'string' &&
                (sku.locations ?? []).some((l) => l.toLowerCase() === region),
        )
        .map((sku) => {
            const capability = (name: string): string | undefined => sku.capabilities?.find((c) => c.name === name)?.value;
            const vCpus = Number(capability('vCPUs'));
            const restrictions = sku.restrictions ?? [];
            return {
                name: sku.name,
                vCpus,
                vCpusAvailable: Number(capability('vCPUsAvailable') ?? vCpus),
                memoryGb: capability('MemoryGB') === undefined ? undefined : Number(capability('MemoryGB')),
                architecture: capability('CpuArchitectureType') === 'Arm64' ? 'Arm64' : 'x64',
                hyperVGenerations: (capability('HyperVGenerations') ?? 'V1')
                    .split(',')
                    .map((g) => g.trim())
                    .filter(Boolean),
                zones: sku.locationInfo?.find((i) => i.location?.toLowerCase() === region)?.zones ?? [],
                restrictedZones: restrictions.filter((r) => r.type === 'Zone').flatMap((r) => r.restrictionInfo?.zones ?? []),
                restricted: restrictions.some((r) => r.type === 'Location'),
                ephemeralOsDisk: capability('EphemeralOSDiskSupported') === 'True',
            } satisfies VmSizeFacts;
        })
        .filter((facts) => Number.isFinite(facts.vCpus));
}

/** The facts of one size, its name compared case-insensitively. */
export function findVmSize(facts: readonly VmSizeFacts[], name: string): VmSizeFacts | undefined {
    return facts.find((f) => f.name.toLowerCase() === name.trim().toLowerCase());
}

/** The Hyper-V generation a node image needs: AKS's `gen2` images need V2, the others V1. */
export function imageGeneration(nodeImageVersion: string): 'V1' | 'V2' {
    return /gen2/i.test(nodeImageVersion) ? 'V2' : 'V1';
}
