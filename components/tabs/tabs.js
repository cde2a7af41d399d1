// skiff tabs: the client side of the markup in tab_group.h. Plain ES2017,
// no dependencies, loaded with `defer` (it expects the parsed document). Without this script every panel
// shows under its label; with it only the selected one does.
//  - click or Left/Right/Home/End (swapped in right-to-left tablists)
//    select a tab; the selected tab alone is in the Tab order;
//  - groups with the same data-sync select the same key together (a group
//    lacking the key keeps its own), and the key is kept in localStorage
//    under "skiff-tabs:<group>" and applied on the next page load;
//  - `?tab=KEY` in the URL selects KEY in every group that has it (and is
//    remembered like a click); choosing a tab puts it into the URL, so the
//    address bar always holds a link to what the reader sees (marked in
//    history.state, so reloading or going Back is not taken for a link).
// tabs_prepaint.js applies the same choices as CSS before the first paint;
// each group marked data-ready here leaves that CSS behind.
(() => {
  // Also set by tabs_prepaint.js; here for layouts without the head slot.
  // window.skiffTabs tells tabs_prepaint.js that this bundle ran.
  document.documentElement.classList.add('skiff-js');
  window.skiffTabs = 1;
  const STORE = 'skiff-tabs:';
  const PARAM = 'tab';
  const TAB = '.skiff-tabs>[role=tablist]>[role=tab]';

  const tabsOf = (group) => [...group.querySelectorAll(':scope>[role=tablist]>[role=tab]')];

  // Shows `key` in `group`; false (and nothing changed) if it has no such tab.
  function select(group, key, focus) {
    const tabs = tabsOf(group);
    if (!tabs.some((tab) => tab.dataset.key === key)) return false;
    for (const tab of tabs) {
      const on = tab.dataset.key === key;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
    }
    for (const panel of group.querySelectorAll(':scope>[role=tabpanel]')) {
      panel.hidden = panel.dataset.key !== key;
    }
    return true;
  }

  function storage(fn) {
    try {
      return fn(localStorage);
    } catch (e) {
      return null;  // storage disabled or full: choices are not remembered
    }
  }

  // Selects `key` in `group` and every group synced with it. Switching
  // groups above the chosen tab changes their height; the page is scrolled
  // so the tab the reader chose stays where it was.
  function choose(group, tab, focus) {
    const key = tab.dataset.key;
    const sync = group.dataset.sync;
    const top = tab.getBoundingClientRect().top;
    select(group, key, focus);
    // The address bar links to what the reader sees; the state marks the
    // parameter as ours, so a reload or Back keeps the remembered choice.
    const url = new URL(location.href);
    url.searchParams.set(PARAM, key);
    history.replaceState(Object.assign({}, history.state, {skiffTab: key}), '', url);
    if (!sync) return;
    for (const other of document.querySelectorAll('.skiff-tabs[data-sync]')) {
      if (other !== group && other.dataset.sync === sync) select(other, key, false);
    }
    storage((s) => s.setItem(STORE + sync, key));
    const moved = tab.getBoundingClientRect().top - top;
    if (moved) window.scrollBy(0, moved);
  }

  document.addEventListener('click', (event) => {
    const tab = event.target.closest && event.target.closest(TAB);
    if (tab) choose(tab.closest('.skiff-tabs'), tab, false);
  });

  document.addEventListener('keydown', (event) => {
    const tab = event.target.closest && event.target.closest(TAB);
    if (!tab || event.altKey || event.ctrlKey || event.metaKey) return;
    const group = tab.closest('.skiff-tabs');
    const tabs = tabsOf(group);
    const next = getComputedStyle(tab.parentElement).direction === 'rtl' ? -1 : 1;
    const n = tabs.length;
    const i = tabs.indexOf(tab);
    const to = {ArrowLeft: i - next, ArrowRight: i + next, Home: 0, End: n - 1}[event.key];
    if (to === undefined) return;
    event.preventDefault();
    choose(group, tabs[(to + n) % n], true);
  });

  // Applies the URL's choice, else the remembered one, else the group's
  // default, then hands each group over from the first-paint CSS to the
  // `hidden` attributes set here.
  function init() {
    let wanted = new URLSearchParams(location.search).get(PARAM);
    if (history.state && history.state.skiffTab === wanted) wanted = null;  // written by choose()
    for (const group of document.querySelectorAll('.skiff-tabs')) {
      const sync = group.dataset.sync;
      if (wanted && select(group, wanted)) {
        if (sync) storage((s) => s.setItem(STORE + sync, wanted));
      } else if (!(sync && select(group, storage((s) => s.getItem(STORE + sync))))) {
        // The server-side default: the first tab (if the group has any).
        const first = tabsOf(group)[0];
        if (first) select(group, first.dataset.key);
      }
      group.dataset.ready = '';
    }
  }
  // Loaded with `defer`: the document is parsed when this runs.
  init();
})();
