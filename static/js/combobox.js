/* Citédu: the pilot and partner filters as ARIA 1.2 comboboxes (list autocomplete, no inline script).
 *
 * Progressive: without this file the input is a plain text field; the server accepts a name or a slug.
 * Here, typing asks data-combobox-url?q=… for at most 20 organisations and lists them; arrows move,
 * Enter or a click chooses (the input then holds the organisation's name), Escape closes or clears.
 */
(function () {
  "use strict";

  function setup(input) {
    var listbox = document.createElement("ul");
    var wrapper = document.createElement("div");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    listbox.id = input.id + "-suggestions";
    listbox.className = "combobox__listbox";
    listbox.setAttribute("role", "listbox");
    if (input.labels && input.labels.length) {
      listbox.setAttribute("aria-label", input.labels[0].textContent.trim());
    }
    listbox.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(listbox);
    wrapper.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      if (!options.length) {
        return;
      }
      active = (index + options.length) % options.length;
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      input.value = option.dataset.value;
      close();
      status.textContent = "";
    }

    function show(results) {
      listbox.textContent = "";
      options = results.map(function (result, position) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.value = result.name;
        option.textContent = result.short_name ? result.name + " (" + result.short_name + ")" : result.name;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keeps the focus in the input
        });
        option.addEventListener("click", function () {
          choose(option);
        });
        listbox.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = "";
      } else {
        close();
        status.textContent = input.dataset.comboboxEmpty || "";
      }
    }

    function suggest() {
      var text = input.value.trim();
      var ticket = ++asked;
      if (!text) {
        show([]);
        status.textContent = "";
        return;
      }
      fetch(input.dataset.comboboxUrl + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === asked) {
            show(data.results);
          }
        })
        .catch(function () {
          close();
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (open) {
          highlight(active + 1);
        } else {
          suggest();
        }
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); // chooses; a second Enter submits the form
        choose(options[active]);
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      }
    });
    input.addEventListener("blur", function () {
      close();
    });
  }

  document.querySelectorAll("input[data-combobox-url]").forEach(setup);
})();
