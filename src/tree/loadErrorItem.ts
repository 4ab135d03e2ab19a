import { createContextValue, createGenericElement, parseError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AksTreeElement } from './AksTreeElement';

/** An error as the tree shows it: Azure's code, then its message. */
export function errorText(error: unknown): string {
    const parsed = parseError(error);
    return parsed.errorType && parsed.errorType !== 'Error' ? `${parsed.errorType}: ${parsed.message}` : parsed.message;
}

/** A list that failed, in the row it would have filled: what failed, Azure's reason, and a click that refreshes `parent`. */
export function loadErrorItem(id: string, parent: AksTreeElement, label: string, message: string): AksTreeElement {
    const item = createGenericElement({
        id,
        label,
        description: message,
        iconPath: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
        contextValue: createContextValue(['aksLoadError']),
        tooltip: message,
        commandId: 'aksSnapshots.refresh',
        commandArgs: [parent],
    });
    return { ...item, id, parent };
}
