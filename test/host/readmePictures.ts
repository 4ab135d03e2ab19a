import * as fs from 'fs';
import * as path from 'path';
import sharp from 'sharp';
import { REPO_ROOT } from './codeServer';

/** The README's pictures; `npm run screenshots` refreshes them from the end-to-end scenarios. */
export const README_PICTURES = path.join(REPO_ROOT, 'media', 'readme');

/**
 * A README picture from a workbench screenshot, when the README shows one of that name: 16 colours (the
 * workbench's few, without dithering, so text stays sharp) in lossless WebP, a quarter of the screenshot's size,
 * to keep the package small.
 */
export async function updateReadmePicture(screenshot: string, name: string): Promise<boolean> {
    const file = `${name}.webp`;
    if (!fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').includes(`media/readme/${file}`)) {
        return false;
    }
    const quantized = await sharp(screenshot).png({ palette: true, colours: 16, dither: 0, effort: 10, compressionLevel: 9 }).toBuffer();
    fs.mkdirSync(README_PICTURES, { recursive: true });
    await sharp(quantized).webp({ lossless: true, effort: 6 }).toFile(path.join(README_PICTURES, file));
    return true;
}
