// skiff tabs: the client side of the markup in tab_group.h. Plain ES2017,
// no dependencies. Without this script every panel shows under its label;
// with it (`skiff-js` on <html>, see tabs.css) only the selected one does.
//  - click or Left/Right/Home/End (swapped in right-to-left tablists)
//    select a tab; the selected tab alone is in the Tab order;
//  - groups with the same data-sync select the same key together (a group
//    lacking the key keeps its own), and the key is kept in localStorage
//    under "skiff-tabs:<group>" and applied on the next page load.
(() => {
  'use strict';
  // Every tab component ships this script; a page may include it twice.
  if (window.skiffTabs) return;
  window.skiffTabs = true;
  document.documentElement.classList.add('skiff-js');
  const STORE = 'skiff-tabs:';
  const TAB = '.skiff-tabs > [role="tablist"] > [role="tab"]';

  const tabsOf = (group) =>
    Array.from(group.querySelectorAll(':scope > [role="tablist"] > [role="tab"]'));

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
    for (const panel of group.querySelectorAll(':scope > [role="tabpanel"]')) {
      panel.hidden = panel.dataset.key !== key;
    }
    return true;
  }

  function storage(fn) {
    try {
      return fn(window.localStorage);
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
    const rtl = getComputedStyle(tab.parentElement).direction === 'rtl';
    let i = tabs.indexOf(tab);
    switch (event.key) {
      case 'ArrowLeft': i += rtl ? 1 : -1; break;
      case 'ArrowRight': i += rtl ? -1 : 1; break;
      case 'Home': i = 0; break;
      case 'End': i = tabs.length - 1; break;
      default: return;
    }
    event.preventDefault();
    choose(group, tabs[(i + tabs.length) % tabs.length], true);
  });

  // Applies remembered choices, then hands each group over from the
  // first-panel-only CSS to the `hidden` attributes set here.
  function init() {
    for (const group of document.querySelectorAll('.skiff-tabs')) {
      const sync = group.dataset.sync;
      const stored = sync && storage((s) => s.getItem(STORE + sync));
      const current = tabsOf(group).find((tab) => tab.getAttribute('aria-selected') === 'true');
      if (!(stored && select(group, stored, false)) && current) {
        select(group, current.dataset.key, false);
      }
      group.dataset.ready = '';
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

