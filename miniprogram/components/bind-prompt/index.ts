/**
 * What every tab shows to a WeChat user who is not yet bound to a member record
 * (the backend answered AUTH.UNBOUND): one way in, to the bind page.
 */
Component({
  options: { addGlobalClass: true },
  methods: {
    onBind() {
      wx.navigateTo({ url: '/pages/me/bind/index' });
    },
  },
});
