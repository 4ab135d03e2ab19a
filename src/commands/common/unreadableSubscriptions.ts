import { parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';

/**
 * Says which subscriptions could not be read, so that a choice missing from a list is not a mystery.
 * Empty when every subscription answered.
 */
export function unreadableSubscriptions(failures: readonly { subscription: string; error: unknown }[]): string {
    if (failures.length === 0) {
        return '';
    }
    return ' ' + vscode.l10n.t('(Not read: {0})', failures.map((f) => {
        const parsed = parseError(f.error);
        return `${f.subscription}: ${parsed.errorType && parsed.errorType !== 'Error' ? `${parsed.errorType}: ` : ''}${parsed.message}`;
    }).join('; '));
}
