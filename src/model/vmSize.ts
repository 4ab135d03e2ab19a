/** What R1 and R8 need to know about an Azure VM size name. */
export interface VmSize {
    /** Series letters after `Standard_`, with DS folded into D and NC/ND/NV into N. */
    readonly family: string;
    readonly architecture: 'x64' | 'Arm64';
    readonly vCpus: number;
}

// Standard_<series letters><vCPUs>[-constrained]<feature letters>[_<accelerator>][_v<n>]
const VM_SIZE = /^Standard_([A-Z]+)(\d+)(?:-\d+)?([a-z]*)(?:_[A-Za-z0-9]+)*$/;

export function parseVmSize(name: string): VmSize | undefined {
    const match = VM_SIZE.exec(name.trim());
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
    'Standard_D2s_v5', 'Standard_D4s_v5', 'Standard_D8s_v5', 'Standard_D16s_v5', 'Standard_D32s_v5', 'Standard_D4ds_v5', 'Standard_D8ds_v5',
    'Standard_D4as_v5', 'Standard_D8as_v5', 'Standard_DS2_v2', 'Standard_D2s_v3', 'Standard_D4s_v3',
    'Standard_D2ps_v5', 'Standard_D4ps_v5', 'Standard_D8ps_v5', 'Standard_D16ps_v5', 'Standard_D4pds_v5', 'Standard_D8pds_v5',
    'Standard_E2s_v5', 'Standard_E4s_v5', 'Standard_E8s_v5', 'Standard_E16s_v5', 'Standard_E32s_v5',
    'Standard_E2ps_v5', 'Standard_E4ps_v5', 'Standard_E8ps_v5', 'Standard_E16ps_v5',
    'Standard_NC6s_v3', 'Standard_NC12s_v3', 'Standard_NC24s_v3', 'Standard_NC4as_T4_v3', 'Standard_NC8as_T4_v3', 'Standard_NC24ads_A100_v4', 'Standard_NV12s_v3',
    'Standard_B2s', 'Standard_B2ms', 'Standard_B4ms', 'Standard_B8ms', 'Standard_B16ms',
    'Standard_F4s_v2', 'Standard_F8s_v2', 'Standard_F16s_v2',
    'Standard_L8s_v3', 'Standard_L16s_v3',
];

/** R1: the sizes a pool made from a snapshot may use, the snapshot's own first. */
export function suggestedVmSizes(snapshotVmSize: string): string[] {
    const same = COMMON_VM_SIZES.filter((size) => size !== snapshotVmSize && isSameVmFamily(size, snapshotVmSize));
    return [snapshotVmSize, ...same];
}
