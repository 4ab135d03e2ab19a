import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { Problem } from '../../model/problems';
import { systemPoolProblems, vmSizeProblems } from '../../model/rules';
import { parseVmSize, suggestedVmSizes } from '../../model/vmSize';
import { describeProblems } from '../describeProblem';
import type { NodePoolSpecContext } from './NodePoolSpec';
import { pickUsable } from './pickUsable';

/** R1 (same family and architecture as the snapshot), and R8 for a system pool. */
export function vmSizeChoiceProblems(context: NodePoolSpecContext, vmSize: string): Problem[] {
    if (!context.snapshot) {
        return [];
    }
    const problems = vmSizeProblems(vmSize, context.snapshot);
    if (problems.length === 0 && context.mode === 'System') {
        problems.push(...systemPoolProblems(context.snapshot, vmSize).filter((p) => p.code !== 'systemPoolWindows'));
    }
    return problems;
}

const OTHER = Symbol('other');

/** Common sizes of the snapshot's family and architecture, its own first, then "Other…" (validated by R1). */
export class VmSizeStep<T extends NodePoolSpecContext> extends AzureWizardPromptStep<T> {
    async prompt(context: T): Promise<void> {
        const snapshot = context.snapshot!;
        const choices = suggestedVmSizes(snapshot.vmSize).map((size) => ({
            label: size,
            description: size === snapshot.vmSize ? vscode.l10n.t('the snapshot\'s size · {0} vCPUs', parseVmSize(size)?.vCpus ?? '?') : vscode.l10n.t('{0} vCPUs', parseVmSize(size)?.vCpus ?? '?'),
            data: size as string | typeof OTHER,
            problems: vmSizeChoiceProblems(context, size),
        }));
        const picked = await pickUsable(context, [...choices, { label: vscode.l10n.t('Other…'), description: vscode.l10n.t('type a VM size'), data: OTHER, problems: [] }],
            vscode.l10n.t('VM size (the family and CPU architecture of {0})', snapshot.vmSize), 'vmSize');
        context.vmSize = picked === OTHER
            ? (await context.ui.showInputBox({
                prompt: vscode.l10n.t('VM size, e.g. {0}', snapshot.vmSize),
                stepName: 'vmSizeOther',
                validateInput: (value) => {
                    const problems = vmSizeChoiceProblems(context, value.trim());
                    return problems.length > 0 ? describeProblems(problems) : undefined;
                },
            })).trim()
            : picked;
    }

    shouldPrompt(context: T): boolean {
        return !context.vmSize;
    }
}
