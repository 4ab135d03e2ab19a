import * as vscode from 'vscode';

/**
 * A date and time as VS Code's display language writes them (not the process's locale, which on a remote or in
 * a container is often not the person's): in UTC where the sentence around it says UTC, else in local time.
 */
export function dateTimeWords(date: Date, zone: 'UTC' | 'local'): string {
    return new Intl.DateTimeFormat(vscode.env.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(zone === 'UTC' ? { timeZone: 'UTC' } : {}),
    }).format(date);
}
