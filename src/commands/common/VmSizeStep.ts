import { AzureWizardPromptStep, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Problem } from '../../model/problems';
import { RegionSizes, systemPoolProblems, vmSizeProblems } from '../../model/rules';
import { findVmSize, parseVmSize, suggestedVmSizes, VmSizeFacts } from '../../model/vmSize';
import { describeProblems } from '../../messages/describeProblem';
import type { NodePoolSpecContext } from './NodePoolSpec';
import { pickUsable } from './pickUsable';
import { required } from '../../model/required';

/** R1 (same family and architecture as the snapshot), and R8 for a system pool. */
export function vmSizeChoiceProblems(context: NodePoolSpecContext, vmSize: string): Problem[] {
    if (!context.snapshot) {
        return [];
    }
    const region = context.regionSizes ?? undefined;
    const problems = vmSizeProblems(vmSize, context.snapshot, region);
    if (problems.length === 0 && context.mode === 'System') {
        problems.push(...systemPoolProblems(context.snapshot, vmSize, region).filter((p) => p.code !== 'systemPoolWindows'));
    }
    return problems;
}

/** Reads the target region's sizes once (R1, R8); when Azure does not answer, says so and falls back to names. */
async function readRegionSizes(context: NodePoolSpecContext): Promise<string> {
    const target = context.sizeRegion();
    if (!target) {
        context.regionSizes = null;
        return '';
    }
    try {
        const service = await context.services.forSubscription(target.subscriptionId);
        context.regionSizes = { location: target.location, sizes: await service.listVmSizes(target.location) };
        return '';
    } catch (error) {
        context.regionSizes = null;
        return (
            ' ' +
            vscode.l10n.t(
                '(Sizes guessed from their names: the VM sizes of {0} could not be read: {1})',
                target.location,
                parseError(error).message,
            )
        );
    }
}

/** The region's sizes of the snapshot's family and architecture that the subscription may use, the snapshot's own first, then by vCPUs. */
function offeredSizes(region: RegionSizes, snapshotVmSize: string): VmSizeFacts[] {
    const snapshotSize = parseVmSize(snapshotVmSize);
    const architecture = findVmSize(region.sizes, snapshotVmSize)?.architecture ?? snapshotSize?.architecture;
    return region.sizes
        .filter((s) => !s.restricted && parseVmSize(s.name)?.family === snapshotSize?.family && s.architecture === architecture)
        .sort(
            (a, b) =>
                Number(b.name.toLowerCase() === snapshotVmSize.toLowerCase()) -
                    Number(a.name.toLowerCase() === snapshotVmSize.toLowerCase()) ||
                a.vCpus - b.vCpus ||
                a.name.localeCompare(b.name),
        );
}

const OTHER = Symbol('other');

/**
 * The sizes Azure offers the subscription in the target region, of the snapshot's family and architecture, each
 * with its vCPUs and memory (restricted ones absent), then "Other…" (validated by R1). When the region's list cannot
 * be read, common sizes judged by their names, and the question says so.
 */
export class VmSizeStep<T extends NodePoolSpecContext> extends AzureWizardPromptStep<T> {
    async prompt(context: T): Promise<void> {
        const snapshot = required(context.snapshot, 'snapshot');
        const guessed = await readRegionSizes(context);
        const region = context.regionSizes;
        const own = (name: string): boolean => name.toLowerCase() === snapshot.vmSize.toLowerCase();
        const choices = region
            ? offeredSizes(region, snapshot.vmSize).map((size) => ({
                  label: size.name,
                  description: [
                      own(size.name) ? vscode.l10n.t("the snapshot's size") : undefined,
                      vscode.l10n.t('{0} vCPUs', size.vCpusAvailable),
                      size.memoryGb === undefined ? undefined : vscode.l10n.t('{0} GB', size.memoryGb),
                      size.restrictedZones.length ? vscode.l10n.t('not in zones {0}', size.restrictedZones.join(', ')) : undefined,
                  ]
                      .filter(Boolean)
                      .join(' · '),
                  data: size.name as string | typeof OTHER,
                  problems: vmSizeChoiceProblems(context, size.name),
              }))
            : suggestedVmSizes(snapshot.vmSize).map((size) => ({
                  label: size,
                  description: own(size)
                      ? vscode.l10n.t("the snapshot's size · {0} vCPUs (from its name)", parseVmSize(size)?.vCpus ?? '?')
                      : vscode.l10n.t('{0} vCPUs (from its name)', parseVmSize(size)?.vCpus ?? '?'),
                  data: size as string | typeof OTHER,
                  problems: vmSizeChoiceProblems(context, size),
              }));
        const where = region ? vscode.l10n.t('offered in {0}', region.location) : '';
        const picked = await pickUsable(
            context,
            [...choices, { label: vscode.l10n.t('Other…'), description: vscode.l10n.t('type a VM size'), data: OTHER, problems: [] }],
            vscode.l10n.t('VM size (the family and CPU architecture of {0}) {1}', snapshot.vmSize, where).trim() + guessed,
            'vmSize',
        );
        context.vmSize =
            picked === OTHER
                ? (
                      await context.ui.showInputBox({
                          prompt: vscode.l10n.t('VM size, e.g. {0}', snapshot.vmSize),
                          stepName: 'vmSizeOther',
                          validateInput: (value) => {
                              const problems = vmSizeChoiceProblems(context, value.trim());
                              return problems.length > 0 ? describeProblems(problems) : undefined;
                          },
                      })
                  ).trim()
                : picked;
    }

    shouldPrompt(context: T): boolean {
        return !context.vmSize;
    }
}
