/**
 * The line under the 纪实's files: optional by default, never a demand for a number of photos
 * [PRIV-12]; the superior's minimum, where one is set, in the words the backend refuses with
 * [MTG-21].
 */
export function evidenceHint(min: number): string {
  return min > 0
    ? `上级党组织要求每次活动至少上传${min}份照片或资料（归档时需要）`
    : '可拍照、录音或上传会议材料，都可不传';
}
