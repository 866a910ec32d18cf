// Helpers of the live mapping board (Blazor WebAssembly): local storage of the edit queue, the browser's
// online/offline events (an open WebSocket does not notice an emulated or flaky network), and focus moves.
window.kerjaSamaBoard = {
  load: key => window.localStorage.getItem(key),
  save: (key, value) => value === null ? window.localStorage.removeItem(key) : window.localStorage.setItem(key, value),
  watchNetwork: board => {
    window.addEventListener('online', () => board.invokeMethodAsync('NetworkChanged', true));
    window.addEventListener('offline', () => board.invokeMethodAsync('NetworkChanged', false));
    return navigator.onLine;
  },
  focus: id => {
    const el = document.getElementById(id);
    if (el) { el.focus(); if (el.select && el.type !== 'number') { try { el.select(); } catch { } } }
  }
};
