// 分类建议: a click on a suggested category puts it (and its lead unit, where the form has one) into the form.
// Delegated from the document, so it also works on suggestions that htmx swaps in while the clerk types.
(function () {
  'use strict';

  function choose(select, value) {
    if (!select || !value) {
      return;
    }
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-apply-category]');
    if (!button) {
      return;
    }
    event.preventDefault();
    var category = document.getElementById(button.getAttribute('data-category-select'));
    choose(category, button.getAttribute('data-apply-category'));
    var leadSelect = button.getAttribute('data-lead-unit-select');
    if (leadSelect) {
      choose(document.getElementById(leadSelect), button.getAttribute('data-lead-unit'));
    }
    // On the matter page the category select is inside the closed 分派 form: open it to show what changed.
    var details = category && category.closest('details');
    if (details) {
      details.open = true;
    }
    document.querySelectorAll('[data-apply-category].chosen').forEach(function (other) {
      other.classList.remove('chosen');
    });
    button.classList.add('chosen');
  });
})();
