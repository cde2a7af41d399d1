// Inlined in every page's <head> (layout slot "head"), so it runs before the
// body is parsed and painted. It marks the page as scripted (`skiff-js`,
// which tabs.css and the copy button key on) and turns the tab choices that
// tabs.js will apply — `?tab=KEY` in the URL first, then the keys remembered
// in localStorage — into CSS, so the reader never sees the default tab
// flash first. The rules hold only until tabs.js marks a group data-ready.
// A `?tab=` that tabs.js itself wrote (history.state.skiffTab, after a
// click) is not a link: on reload or Back the remembered choice wins.
// If _skiff/skiff.js never runs (blocked, failed; tabs.js sets
// window.skiffTabs), the page goes back to its no-JavaScript form at
// `load`, so no panel stays hidden and no dead Copy button shows.
// The selected-tab look repeats tabs.css's [aria-selected="true"] rule:
// change the two together.
(() => {
  const root = document.documentElement;
  root.classList.add('skiff-js');
  // A CSS string holding `s`: every character but [A-Za-z0-9_-] as a hex
  // escape, so a URL or a storage key can never end the string.
  const q = (s) => '"' + String(s).replace(/[^\w-]/gu, (c) => '\\' + c.codePointAt(0).toString(16) + ' ') + '"';
  const G = '.skiff-tabs:not([data-ready])';
  const P = '>[role=tabpanel]';
  const T = '>[role=tablist]>[role=tab]';
  const K = (key) => '[data-key=' + q(key) + ']';
  let css = '';
  // Rules that show `key` in groups matched by `group` (a selector ending
  // where `>[role=tabpanel]` can follow).
  const show = (group, key) => {
    css += group + P + ':not(' + K(key) + '){display:none}' + group + P + K(key) + '{display:block}' +
      group + T + '{border-color:transparent;color:var(--skiff-tabs-text)}' +
      group + T + K(key) + '{border-color:var(--skiff-tabs-accent);color:inherit}';
  };
  const has = (key) => ':has(' + P + K(key) + ')';
  const state = history.state;
  let wanted = new URLSearchParams(location.search).get('tab');
  if (state && state.skiffTab === wanted) wanted = null;
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
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  addEventListener('load', () => {
    if (!window.skiffTabs) {
      root.classList.remove('skiff-js');
      style.remove();
    }
  });
})();
