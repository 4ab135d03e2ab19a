import * as vscode from 'vscode';

/** A tree item's tooltip: a bold title line, then `Field: value` rows, skipping rows without a value. */
export function tooltipTable(title: string, rows: readonly [string, string | undefined][]): vscode.MarkdownString {
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`${title}\n\n`);
    tooltip.appendMarkdown(
        rows
            .filter(([, value]) => value)
            .map(([field, value]) => `${field}: ${value}`)
            .join('  \n'),
    );
    return tooltip;
}
