import type { CheckState, MediaKind } from '../../domain/media/model';
import { mediaFilesByFileIds } from '../../repos/media';

/**
 * The read model other areas use (the half-year report's evidence, the record's completeness):
 * per fileID its kind and content-check state, for ready files only. One database read.
 */
export async function mediaStates(
  fileIds: readonly string[],
): Promise<Map<string, { kind: MediaKind; check: CheckState }>> {
  const out = new Map<string, { kind: MediaKind; check: CheckState }>();
  for (const doc of await mediaFilesByFileIds(fileIds))
    if (doc.state === 'ready' && doc.fileId)
      out.set(doc.fileId, { kind: doc.kind, check: doc.check.state });
  return out;
}
