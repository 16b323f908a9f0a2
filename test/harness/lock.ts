import * as fs from 'node:fs';
import * as path from 'node:path';
import { log } from './paths';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock folder, or returns false while a live process holds it. Removes a dead holder's lock. */
function tryLock(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
    fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw error;
    }
  }
  let holder = 0;
  let age = 0;
  try {
    age = Date.now() - fs.statSync(lockDir).mtimeMs;
    holder = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // being taken or released right now
  }
  // A lock without a pid is one being taken right now, unless it is old.
  if ((holder > 0 && !alive(holder)) || (!holder && age > 10_000)) {
    log(`removing a stale lock ${lockDir}`);
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
  return false;
}

/**
 * Runs `body` holding an exclusive lock between processes (a folder made with mkdir, holding
 * the owner's pid), so that two test runs never install into the same folder at once.
 * @throws when the lock is still held by a live process after `timeoutMs`.
 */
export async function withLock<T>(lockDir: string, body: () => Promise<T>, timeoutMs = 20 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let said = false;
  while (!tryLock(lockDir)) {
    if (Date.now() > deadline) {
      throw new Error(`${lockDir} is still held by another process; remove it if no install is running`);
    }
    if (!said) {
      log(`waiting for another process to finish installing (${lockDir})`);
      said = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
