import * as vscode from 'vscode';

/**
 * Read-only text documents served from memory under the extension's own scheme (nothing is written to disk):
 * comparisons, roll-out plans and their live progress. A document can be updated; an open editor follows.
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider {
    static readonly scheme = 'aks-snapshots';
    private readonly contents = new Map<string, string>();
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    private next = 0;

    register(): vscode.Disposable {
        return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(ReadOnlyDocuments.scheme, this), this.changed);
    }

    /** A new document named `name` (with its extension, which sets its language) holding `text`. */
    add(name: string, text: string): vscode.Uri {
        const uri = vscode.Uri.from({
            scheme: ReadOnlyDocuments.scheme,
            path: `/${name.replace(/[\\/]/g, '_')}`,
            query: String(++this.next),
        });
        this.contents.set(uri.toString(), text);
        return uri;
    }

    update(uri: vscode.Uri, text: string): void {
        this.contents.set(uri.toString(), text);
        this.changed.fire(uri);
    }

    text(uri: vscode.Uri): string {
        return this.contents.get(uri.toString()) ?? '';
    }

    provideTextDocumentContent(uri: vscode.Uri): string {
        return this.text(uri);
    }
}
