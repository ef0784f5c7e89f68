namespace Journeyscope.Server.Api;

/// <summary>
/// The API reference at <c>/api</c>: a small self-contained page (no CDN) that reads <c>/openapi/v1.json</c> and lists
/// every operation with its parameters and responses.
/// </summary>
internal static class ApiReferencePage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Journeyscope API reference</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2430; }
          h1 { font-size: 1.6rem; } code { background: #f2f4f7; padding: 0 .25rem; border-radius: 3px; }
          section { border: 1px solid #d6dae1; border-radius: 6px; margin: .75rem 0; padding: .5rem 1rem; }
          .m { display: inline-block; min-width: 4rem; font-weight: 700; } .get { color: #1a7f37; } .post { color: #0b62c4; }
          .put { color: #a15c00; } .delete { color: #b42318; } table { border-collapse: collapse; } td, th { padding: .1rem .6rem; text-align: left; }
        </style>
        </head>
        <body>
        <h1>Journeyscope API reference</h1>
        <p>The machine-readable document is <a href="/openapi/v1.json"><code>/openapi/v1.json</code></a>. Errors are
        <code>application/problem+json</code> with an actionable <code>detail</code>.</p>
        <main id="ops" aria-live="polite">Loading…</main>
        <script>
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const ops = document.getElementById('ops');
          ops.textContent = '';
          const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
          for (const [path, item] of Object.entries(doc.paths || {})) {
            for (const [method, op] of Object.entries(item)) {
              if (!op || typeof op !== 'object' || !op.responses) continue;
              const params = (op.parameters || []).map(p => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'required' : ''}</td></tr>`).join('');
              const codes = Object.keys(op.responses).join(', ');
              const s = document.createElement('section');
              s.innerHTML = `<div><span class="m ${method}">${method.toUpperCase()}</span><code>${esc(path)}</code></div>` +
                `<p>${esc(op.summary || op.operationId || '')}</p>` + (params ? `<table><tr><th>Parameter</th><th>In</th><th></th></tr>${params}</table>` : '') +
                `<p>Responses: ${esc(codes)}</p>`;
              ops.appendChild(s);
            }
          }
        }).catch(e => { document.getElementById('ops').textContent = 'Cannot load /openapi/v1.json: ' + e; });
        </script>
        </body>
        </html>
        """;

    public static IResult Render() => TypedResults.Content(Html, "text/html; charset=utf-8");
}
