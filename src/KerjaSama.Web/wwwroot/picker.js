// Searchable pickers on server-rendered forms: typing in <input data-filter-for="listId"> hides the items
// ([data-filter-item]) of that list whose text does not contain what was typed. Without JavaScript every item shows.
(() => {
  const apply = (input) => {
    const list = document.getElementById(input.dataset.filterFor);
    if (!list) return;
    const term = input.value.trim().toLowerCase();
    for (const item of list.querySelectorAll('[data-filter-item]')) {
      const checked = item.querySelector('input:checked') !== null;
      // style, not the hidden attribute: a stylesheet's display rule for labels would override [hidden].
      item.style.display = term.length > 0 && !checked && !item.textContent.toLowerCase().includes(term) ? 'none' : '';
    }
  };
  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.dataset.filterFor) apply(e.target);
  });
})();
