#!/usr/bin/env node
/**
 * Printed by `npm start` before the dev server starts: how to load the add-in
 * (manifest.xml, served from https://localhost:3000/) into Excel.
 */
const base = 'https://localhost:3000/';

console.log(`
Awards Modeller: the dev server is starting on ${base}
(a localhost certificate comes from office-addin-dev-certs; trust it once when asked).

Load the add-in into Excel with manifest.xml (the one in the project root, or
${base}manifest.xml once the server is up):

  Excel on Windows (desktop)
    1. Share a folder (e.g. C:\\AddinManifests) and copy manifest.xml into it.
    2. File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs:
       add the share's network path (\\\\machine\\AddinManifests), tick "Show in Menu", OK.
    3. Restart Excel, then Home > Add-ins (or Insert > My Add-ins) > Shared Folder >
       Awards Modeller.

  Excel on Mac
    Copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
    (create the folder if needed), restart Excel, then Insert > My Add-ins.

  Excel on the web
    Home > Add-ins > More add-ins > My add-ins > Upload my add-in, choose manifest.xml.

The pane opens from the Awards Modeller button on the Home tab. Without Excel,
\`npm run preview\` serves the same pane in preview mode on a built-in sample workbook.
Press Ctrl+C to stop the server.
`);
