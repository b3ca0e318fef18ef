/** The /docs page: Swagger UI from this server's own files (public/swagger), set up by init.js. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Slotbase API docs</title>
    <link rel="icon" type="image/png" href="/swagger/favicon-32x32.png" />
    <link rel="stylesheet" href="/swagger/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/swagger/swagger-ui-bundle.js"></script>
    <script src="/swagger/swagger-ui-standalone-preset.js"></script>
    <script src="/swagger/init.js"></script>
  </body>
</html>
`;
