/**
 * The store's flush journal: files staged beside the collections, a journal naming them, then
 * renamed into place; after a crash a journalled flush is finished and an unjournalled one dropped.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

/** The journal of a flush in progress: which staged files replace (or remove) which collections. */
export const JOURNAL = 'commit.journal';

export async function writeDurably(file: string, text: string): Promise<void> {
  const tmp = file.endsWith('.tmp') ? file : `${file}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (tmp !== file) await fs.rename(tmp, file);
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Puts every staged file of a journal in place, then drops the journal. Safe to repeat. */
export async function applyJournal(dir: string, staged: { name: string; removed: boolean }[]) {
  for (const { name, removed } of staged) {
    const file = path.join(dir, `${name}.json`);
    if (removed) await fs.rm(file, { force: true });
    else
      await fs.rename(`${file}.tmp`, file).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e; // already renamed before a crash
      });
  }
  await syncDir(dir);
  await fs.rm(path.join(dir, JOURNAL), { force: true });
  await syncDir(dir);
}

/** After a crash: finish a flush whose journal was written; drop the staging of one that wasn't. */
export async function recover(dir: string): Promise<void> {
  const journal = await fs.readFile(path.join(dir, JOURNAL), 'utf8').catch(() => null);
  if (journal !== null) await applyJournal(dir, JSON.parse(journal));
  for (const file of await fs.readdir(dir))
    if (file.endsWith('.tmp')) await fs.rm(path.join(dir, file), { force: true });
}
