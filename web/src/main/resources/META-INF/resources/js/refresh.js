// Keeps a list current without a push channel: every N seconds (data-actualiser="N" on the list's container) the
// page reloads, but only while the tab is visible and the user is not typing in a form field (nothing typed is lost).
const container = document.querySelector('[data-actualiser]');
if (container) {
  const seconds = Math.max(15, parseInt(container.dataset.actualiser, 10) || 60);
  const typing = () => {
    const el = document.activeElement;
    return el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
  };
  setInterval(() => {
    if (document.visibilityState === 'visible' && !typing()) {
      window.location.reload();
    }
  }, seconds * 1000);
}
