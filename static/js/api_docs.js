// The API docs page: the landmarks and the heading Swagger UI lacks. Its title and description go in a
// banner, its "Authorize" button in a named region, and a section heading (h2) comes between its
// title (h1) and the operations' groups (h3), for the outline screen readers give.
"use strict";

(function () {
  const SwaggerUIBundleOriginal = window.SwaggerUIBundle;
  const labels = document.getElementById("swagger-ui").dataset;

  const wrapIn = (tag, attributes) => (Original, system) => (props) =>
    system.React.createElement(tag, attributes, system.React.createElement(Original, props));

  const landmarks = () => ({
    wrapComponents: {
      // Swagger puts it in a <section>, where a <header> alone is no banner.
      InfoContainer: wrapIn("header", { role: "banner" }),
      AuthorizeBtnContainer: wrapIn("section", { "aria-label": labels.authorizeLabel }),
      operations: (Original, system) => (props) =>
        system.React.createElement(
          system.React.Fragment,
          null,
          system.React.createElement("h2", { className: "visually-hidden" }, labels.operationsHeading),
          system.React.createElement(Original, props),
        ),
    },
  });

  // drf-spectacular's init script builds the UI with the global SwaggerUIBundle: ours adds the plugin.
  window.SwaggerUIBundle = Object.assign(
    (options) => SwaggerUIBundleOriginal({ ...options, plugins: [...(options.plugins || []), landmarks] }),
    SwaggerUIBundleOriginal,
  );
})();
