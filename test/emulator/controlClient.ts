import * as https from 'https';

/** Calls the emulator's test-only control endpoints (`/_emulator/…`) from another process; JSON in and out. */
export function emulatorControl(armUrl: string, ca: string): (method: string, route: string, body?: unknown) => Promise<unknown> {
    return (method, route, body) =>
        new Promise((resolve, reject) => {
            const request = https.request(new URL(`_emulator/${route}`, armUrl), { method, ca }, (response) => {
                const chunks: Buffer[] = [];
                response.on('data', (chunk: Buffer) => chunks.push(chunk));
                response.on('end', () =>
                    response.statusCode === 200
                        ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
                        : reject(new Error(`Emulator control ${method} ${route} answered ${response.statusCode}`)),
                );
            });
            request.on('error', reject);
            request.end(body === undefined ? undefined : JSON.stringify(body));
        });
}
