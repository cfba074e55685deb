// 打印签到入口码: the mini-program code of one activity, to print and put up at the door. It
// opens the activity's page in the app; it signs nobody in (the rotating code on the host's
// screen does that), and the page says so. Shown with the activity's title and time, with
// 保存到相册 (to print) and a full-size preview.
import { fetchActivity, fetchSigninCode } from '../../../services/activity';
import { downloadFile, fileUrl, saveImage } from '../../../services/files';
import { typeLabels, whenText } from '../../../utils/activity-view';
import { can } from '../../../utils/can';
import { definePage } from '../../../utils/define-page';
import { toast } from '../../../utils/platform';

definePage({
  once: true,
  emptyOn: ['AUTH.FORBIDDEN'],
  fields: () => ({ activityId: '', fileId: '' }),
  data: {
    title: '',
    typeText: '',
    when: '',
    place: '',
    imageUrl: '',
    imageError: '',
    message: '',
  },
  async load(me) {
    if (!this.activityId) return this.empty('请从活动的主持台打开签到入口码');
    const activity = await fetchActivity(this.activityId);
    if (!can(me, 'activity.manage', activity.orgId))
      return this.empty('只有支部委员可以打印签到入口码');
    this.setData({
      title: activity.title,
      typeText: typeLabels[activity.type],
      when: whenText(activity.startAt, activity.endAt),
      place: activity.place ?? '',
    });
    const { fileId } = await fetchSigninCode(this.activityId);
    this.fileId = fileId;
    // The title shows at once; the picture follows when storage hands out its address.
    void this.showImage(fileId);
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.activityId = query.id ?? '';
    },
    async showImage(fileId: string) {
      try {
        this.setData({ imageUrl: await fileUrl(fileId), imageError: '' });
      } catch {
        this.setData({ imageError: '入口码图片暂时无法显示，请稍后重试' });
      }
    },
    onPreview() {
      if (!this.data.imageUrl) return;
      wx.previewImage({ urls: [this.data.imageUrl], current: this.data.imageUrl });
    },
    async onSave() {
      if (!this.fileId) return;
      await this.run(async () => {
        await saveImage(await downloadFile(this.fileId));
        this.setData({ message: '已保存到手机相册，可以拿去打印' });
        toast('已保存', 'success');
      }, 'message');
    },
  },
});
