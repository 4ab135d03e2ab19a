import * as vscode from 'vscode';
import type { ChannelWindow } from '../model/maintenance';

/** When a cluster's channel may next act, as a person reads it: "next window Sat 2026-11-28 00:00–04:00 UTC (…)". */
export function channelWindowWords(window: ChannelWindow | { readonly unread: string }): string {
    if ('unread' in window) {
        return vscode.l10n.t('unknown: its maintenance configurations could not be read ({0})', window.unread);
    }
    switch (window.kind) {
        case 'window': {
            const day = window.start.toLocaleDateString(vscode.env.language, { weekday: 'short', timeZone: 'UTC' });
            const time = (d: Date): string => d.toISOString().slice(11, 16);
            return vscode.l10n.t(
                'next window {0} {1} {2}–{3} UTC ({4})',
                day,
                window.start.toISOString().slice(0, 10),
                time(window.start),
                time(window.end),
                window.config,
            );
        }
        case 'recurring':
            return vscode.l10n.t('in its {0} window (its schedule fixes no next date: it counts from no start date)', window.config);
        case 'anyTime':
            return vscode.l10n.t('at any time: the cluster sets no {0} window', window.config);
    }
}
