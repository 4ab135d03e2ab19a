import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultDnsPrefix, dnsPrefixProblems } from '../../model/names';
import { describeProblems } from '../../messages/describeProblem';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

export function validateDnsPrefix(value: string): string | undefined {
    const problems = dnsPrefixProblems(value.trim());
    return problems.length > 0 ? describeProblems(problems) : undefined;
}

/** R9: 1–54 letters, digits and '-'; the default comes from the cluster name. */
export class DnsPrefixStep extends AzureWizardPromptStep<CreateClusterContext> {
    async prompt(context: CreateClusterContext): Promise<void> {
        context.dnsPrefix = (
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('DNS name prefix of the API server'),
                value: defaultDnsPrefix(required(context.newClusterName, 'newClusterName')),
                stepName: 'dnsPrefix',
                validateInput: validateDnsPrefix,
            })
        ).trim();
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.dnsPrefix;
    }
}
