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
