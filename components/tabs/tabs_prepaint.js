// Inlined in every page's <head> (layout slot "head"), so it runs before the
// body is parsed and painted. It marks the page as scripted (`skiff-js`,
// which tabs.css and the copy button key on) and turns the tab choices that
// tabs.js will apply — `?tab=KEY` in the URL first, then the keys remembered
// in localStorage — into CSS, so the reader never sees the default tab
// flash first. The rules hold only until tabs.js marks a group data-ready.
// The selected-tab look repeats tabs.css's [aria-selected="true"] rule:
// change the two together.
(() => {
  const root = document.documentElement;
  root.classList.add('skiff-js');
  const q = (s) => '"' + String(s).replace(/["\\]/g, '\\$&') + '"';
  const G = '.skiff-tabs:not([data-ready])';
  let css = '';
  // Rules that show `key` in groups matched by `group` (a selector ending
  // where `>[role=tabpanel]` can follow).
  const show = (group, key) => {
    const k = '[data-key=' + q(key) + ']';
    css += group + '>[role=tabpanel]:not(' + k + '){display:none}' +
      group + '>[role=tabpanel]' + k + '{display:block}' +
      group + '>[role=tablist]>[role=tab]{border-color:transparent;color:var(--skiff-tabs-text)}' +
      group + '>[role=tablist]>[role=tab]' + k + '{border-color:var(--skiff-tabs-accent);color:inherit}';
  };
  const has = (key) => ':has(>[role=tabpanel][data-key=' + q(key) + '])';
  const wanted = new URLSearchParams(location.search).get('tab');
  const notWanted = wanted ? ':not(' + has(wanted) + ')' : '';
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (name.startsWith('skiff-tabs:')) {
        const key = localStorage.getItem(name);
        show(G + '[data-sync=' + q(name.slice(11)) + ']' + notWanted + has(key), key);
      }
    }
  } catch (e) {
    // storage disabled: nothing was remembered
  }
  if (wanted) show(G + has(wanted), wanted);
  if (css) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
  }
})();
