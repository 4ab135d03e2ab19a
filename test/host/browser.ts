import * as fs from 'fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium, headless, in a fresh profile, with nothing that reaches for the network by itself. */
export async function launchChromium(): Promise<Browser> {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) {
        throw new Error(`Chromium is not at ${executablePath}: install Debian's "chromium" package (see .ci/run) or set CHROMIUM_PATH.`);
    }
    // Playwright gives every launch a fresh, temporary profile.
    return chromium.launch({
        executablePath,
        headless: true,
        // Playwright's own signal handlers exit without cleaning up; ours stop every process we started.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
}
