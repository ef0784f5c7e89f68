namespace Journeyscope.Reports;

public static partial class HtmlReport
{
    private const string Template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>/*TITLE*/</title>
        <style>/*STYLE*/</style>
        </head>
        <body>
        /*BODY*/
        <script id="journeyscope-data" type="application/json">/*DATA*/</script>
        <script>/*BUNDLE*/</script>
        <script>/*DRAW*/</script>
        </body>
        </html>
        """;

    // Screen: one long page. Print (to PDF from a browser): A4 landscape, each section on its own page, tables never
    // clipped (wrapping instead of scrolling, headers repeated on each page), the map printed as a picture.
    private const string Style = """
        body { font-family: Roboto, Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px; color: #14213d; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; border-bottom: 2px solid #1f5fa8; padding-bottom: 4px; } h3 { font-size: 15px; margin-top: 18px; }
        .meta, .note, .empty { color: #52606d; font-size: 13px; }
        .tiles { display: flex; gap: 12px; flex-wrap: wrap; } .tile { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 14px; font-size: 13px; }
        .tile b { display: block; font-size: 20px; }
        #map { height: 640px; border: 1px solid #d9e2ec; border-radius: 6px; } #map-print { display: none; }
        .chart { height: 280px; margin-top: 12px; }
        table { border-collapse: collapse; font-size: 13px; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e4e7eb; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f0f4f8; }
        #vsm { overflow-x: auto; }
        .canvas-stage { border: 1px solid #d9e2ec; border-radius: 6px; padding: 4px 12px 8px; margin-top: 10px; }
        .canvas-lists { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px; font-size: 13px; }
        .canvas-lists ul { margin: 2px 0; padding-left: 18px; } .promise { font-style: italic; margin: 2px 0; }
        .swatch { padding: 1px 6px; border-radius: 4px; border: 1px solid #cfd8dc; white-space: nowrap; }
        td.heat { text-align: center; border: 1px solid #fff; } td.heat .capabilities { font-size: 11px; color: #3e4c59; text-align: left; }
        .heat, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          body { max-width: none; padding: 0; font-size: 11px; }
          section { break-before: page; page-break-before: always; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          table { font-size: 10px; table-layout: auto; }
          thead { display: table-header-group; }
          tr, .tile, .canvas-stage { break-inside: avoid; page-break-inside: avoid; }
          #vsm { overflow: visible; } #vsm svg { max-width: 100%; height: auto; }
          #map.printable { display: none; } #map-print.ready { display: block; max-width: 100%; max-height: 160mm; margin: 0 auto; }
          .chart { break-inside: avoid; page-break-inside: avoid; }
          button, input, select, textarea, nav, .no-print { display: none !important; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    // Draws the charts from the embedded JSON with the UI's bundle; the tables are already static HTML.
    private const string Draw = """
        (function () {
          var data = JSON.parse(document.getElementById('journeyscope-data').textContent);
          var js = window.journeyscope;
          var map = js.renderProcessMap('map', data.processMap, { mode: 'frequency' });
          js.renderCoverage('coverage', { counts: data.variantCounts }, { title: 'Share of cases covered by the top variants' });
          js.renderValueStream('vsm', data.valueStream);
          if (data.funnel) {
            js.renderFunnel('funnel-chart', { steps: data.funnel.steps.map(function (s) { return { name: s.label, count: s.entered }; }) }, {});
          }
          // The map is a canvas sized for the screen: print a picture of the whole map instead.
          window.addEventListener('beforeprint', function () {
            var png = map.exportPng && map.exportPng();
            if (!png) { return; }
            var img = document.getElementById('map-print');
            img.src = png;
            img.className = 'ready';
            document.getElementById('map').className = 'printable';
          });
        })();
        """;
}
