// Copy buttons of code blocks (markup: render/code_block.h). The button
// copies the block's text content: line numbers and diff markers are CSS
// content, so they are not in it. "Copied!" (data-copied) shows on the
// button for two seconds and is announced through the block's live region.
(() => {
  // The Clipboard API needs a secure context (https, localhost); on plain
  // http the old way: select the code, copy the selection.
  function write(code, text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    getSelection().selectAllChildren(code);
    const ok = document.execCommand('copy');
    getSelection().removeAllRanges();
    return ok ? Promise.resolve() : Promise.reject();
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('.skiff-copy');
    if (!button) return;
    const code = button.closest('.skiff-code').querySelector('pre>code');
    // The live region right after the button (render/code_block.h).
    const status = button.nextElementSibling;
    write(code, code.textContent.replace(/\n$/, '')).then(() => {
      const label = button.dataset.label || button.textContent;
      button.dataset.label = label;
      button.textContent = status.textContent = button.dataset.copied;
      clearTimeout(button.timer);
      button.timer = setTimeout(() => {
        button.textContent = label;
        status.textContent = '';
      }, 2000);
    }, () => {});
  });
})();
