import * as vscode from 'vscode';
import { ext } from '../../extensionVariables';
import type { Problem } from '../../model/problems';
import { describeProblems, describeProblemsWithRules } from '../../messages/describeProblem';

/** Refuses before anything is sent: the person reads every reason at once (after what led there, if given); the log keeps the rules. */
export function refuseIfProblems(problems: readonly Problem[], lead?: string): void {
    if (problems.length > 0) {
        ext.outputChannel.appendLog(vscode.l10n.t('Refused before sending: {0}', describeProblemsWithRules(problems)));
        throw new Error(lead ? `${lead} ${describeProblems(problems)}` : describeProblems(problems));
    }
}
