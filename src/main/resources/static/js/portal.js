// The public portal's small behaviours. No inline script anywhere: the Content-Security-Policy forbids it.
// Everything here is an enhancement: without JavaScript the forms still work and the server shows the same advice.
(function () {
  'use strict';

  // <form data-urgent-words="被困,持刀,…">: while the visitor types, show the 110 advice (the element
  // [data-urgent-advice]) as soon as a text field holds one of the words, and hide it again when none is left.
  function watchUrgency(form) {
    var words = (form.getAttribute('data-urgent-words') || '').split(',').filter(function (w) { return w; });
    var advice = form.querySelector('[data-urgent-advice]');
    if (!words.length || !advice) {
      return;
    }
    var check = function () {
      var text = '';
      form.querySelectorAll('input[type=text], textarea').forEach(function (field) { text += ' ' + field.value; });
      var urgent = words.some(function (word) { return text.indexOf(word) >= 0; });
      advice.hidden = !urgent;
    };
    form.addEventListener('input', check);
    check();
  }

  // <textarea data-max-length="4000" data-counter="id">: a live count of the characters (code points) typed.
  function countCharacters(area) {
    var counter = document.getElementById(area.getAttribute('data-counter'));
    var max = parseInt(area.getAttribute('data-max-length'), 10);
    if (!counter || !max) {
      return;
    }
    var update = function () {
      var length = Array.from(area.value).length;
      counter.textContent = length + ' / ' + max;
      counter.classList.toggle('over', length > max);
    };
    area.addEventListener('input', update);
    update();
  }

  // <form data-once>: a second click while the first submission is on its way does not send it again
  // (the server's one-time form token makes a repeat harmless anyway).
  function submitOnce(form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-sending') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-sending', 'true');
      form.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = true; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-urgent-words]').forEach(watchUrgency);
    document.querySelectorAll('textarea[data-max-length]').forEach(countCharacters);
    document.querySelectorAll('form[data-once]').forEach(submitOnce);
  });
})();
