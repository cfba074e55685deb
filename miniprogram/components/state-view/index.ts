/**
 * The loading, empty and error states every page needs, drawn one way. A page keeps a
 * `status` and renders its own content only when it is `ready`; this shows everything else.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    status: { type: String, value: 'loading' },
    /** Error text from the backend (already Chinese), or the empty-state text. */
    message: { type: String, value: '' },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});
