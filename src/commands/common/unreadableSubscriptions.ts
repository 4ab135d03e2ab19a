import { parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

/**
 * Says which subscriptions could not be read, so that a choice missing from a list is not a mystery.
 * Empty when every subscription answered.
 */
export function unreadableSubscriptions(failures: readonly SubscriptionFailure[]): string {
    return failures.length === 0 ? '' : ' ' + vscode.l10n.t('(Not read: {0})', describeFailures(failures));
}

/**
 * A list to choose from where every subscription failed is not an empty choice: the flow stops, saying why, so
 * the person does not face an empty list.
 */
export function requireSomethingRead(items: readonly unknown[], failures: readonly SubscriptionFailure[]): void {
    if (items.length === 0 && failures.length > 0) {
        throw new Error(vscode.l10n.t('No subscription could be read: {0}', describeFailures(failures)));
    }
}

interface SubscriptionFailure {
    readonly subscription: string;
    readonly error: unknown;
}

function describeFailures(failures: readonly SubscriptionFailure[]): string {
    return failures
        .map((f) => {
            const parsed = parseError(f.error);
            return `${f.subscription}: ${parsed.errorType && parsed.errorType !== 'Error' ? `${parsed.errorType}: ` : ''}${parsed.message}`;
        })
        .join('; ');
}
