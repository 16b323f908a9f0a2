import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { log, repoRoot } from './paths';

/**
 * Runs a build step quietly; its output is printed only when it fails.
 * @throws when the step exits with an error.
 */
export function runStep(args: string[]): void {
  const result = spawnSync(args[0], args.slice(1), { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  if (result.status !== 0) {
    process.stdout.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${args.join(' ')} failed (${result.error?.message ?? `exit ${String(result.status)}`})`);
  }
}

/**
 * Builds the production bundle and packages it as a user would install it, as `dir/koodrive.vsix`;
 * leaves a dev build in dist/. Shared by the UI tests and the scale benchmark, so both drive the
 * extension exactly as it ships.
 * @throws when the build or vsce fails.
 */
export function packageExtension(dir: string): string {
  const vsix = path.join(dir, 'koodrive.vsix');
  runStep([process.execPath, 'esbuild.mjs', '--production']);
  // The README's pictures are not all shipped (docs/images stays out of the package): the
  // Marketplace shows them from the repository, as vsce does for GitHub-hosted extensions.
  const images = `${repositoryUrl()}/raw/HEAD/`;
  runStep([process.execPath, path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--baseContentUrl', images, '--baseImagesUrl', images, '--out', vsix]);
  runStep([process.execPath, 'esbuild.mjs']);
  log(`packaged ${vsix} (${Math.round(fs.statSync(vsix).size / 1024)} KiB)`);
  return vsix;
}

/** The repository of package.json, without `.git`: where the README's relative links point once published. */
function repositoryUrl(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository?: { url?: string } | string };
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!url) {
    throw new Error('package.json names no repository: the README\'s pictures would have no address');
  }
  return url.replace(/\.git$/, '');
}

// `npm run package`: koodrive.vsix at the top of the repository.
if (require.main === module) {
  packageExtension(repoRoot);
}
