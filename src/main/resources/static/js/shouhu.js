// Shouhu's small behaviours. No inline script anywhere: the Content-Security-Policy forbids it.
(function () {
  'use strict';

  // htmx requests carry the CSRF token like any form post.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // <form data-confirm="…">: ask before a destructive action.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  // <select data-autosubmit>: submit its form on change (sorting, page size).
  document.addEventListener('change', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-autosubmit') && event.target.form) {
      event.target.form.submit();
    }
  });
})();
