"""What the page carries besides its content: its style, its script and the
content-security policy that allows just those."""

from __future__ import annotations

from importlib import resources

__all__ = ["PAGE_CSP", "PAGE_CSS", "SCRIPT_PATH", "site_script"]

#: The page needs only its own inline style, its one same-origin script file (no inline
#: script, no network: the search reads the page itself), same-origin pictures and forms.
#: The server sends it as a header; the static page carries it in a meta element, for
#: hosts that send no header of their own.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; "
    "form-action 'self'"
)

PAGE_CSS = """
:root{--ink:#1d2733;--muted:#4f5a68;--accent:#1f5fae;--line:#d9dee5;--bg:#fff;--soft:#f4f6f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);
background:var(--bg)}
main,header,footer{max-width:1100px;margin:0 auto;padding:0 16px}
header{padding-top:24px}
h1{font-size:1.7rem;margin:0 0 4px}
h2{font-size:1.3rem;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:1.1rem;margin:20px 0 8px}
h4,h5,h6{font-size:1rem;margin:0}
a{color:var(--accent)}
code{font-size:.9em}
.lede{color:var(--muted);margin:0 0 8px}
.counts{margin:0 0 8px}
.now{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:0 32px}
.now ol{list-style:none;padding:0;margin:0}
.now-item{padding:6px 0;border-bottom:1px solid var(--line)}
.rel{font-weight:600;margin-left:6px}
.feeds{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px;
padding:0;margin:0;list-style:none}
.feed{border:1px solid var(--line);border-radius:8px;padding:12px;background:var(--soft)}
.feed h3{margin:0 0 4px}
.feed p{margin:0 0 8px;color:var(--muted);font-size:.95rem}
.buttons{display:flex;flex-wrap:wrap;gap:6px}
.button{display:inline-block;padding:6px 10px;border-radius:6px;border:1px solid var(--accent);
text-decoration:none;font-size:.9rem;background:#fff;color:var(--accent);font-family:inherit;
cursor:pointer}
.button.primary{background:var(--accent);color:#fff}
.button[aria-disabled="true"]{color:var(--muted);border-color:#9aa4b1;cursor:default}
.url{display:block;margin-top:6px;font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}
.search input{font:inherit;padding:6px 8px;width:min(100%,28rem);border:1px solid var(--muted);
border-radius:6px}
.search label{display:block;margin-bottom:4px}
.results{padding-left:20px}
.results .meta{display:inline;margin-left:8px}
.tl-tools{display:flex;gap:6px;margin:0 0 8px}
.timeline-scroll{overflow-x:auto;border:1px solid var(--line);border-radius:8px;
-webkit-overflow-scrolling:touch}
.timeline-scroll svg{display:block;max-width:none;height:auto}
.vt-box{display:none;max-height:70vh;overflow-y:auto;border:1px solid var(--line);
border-radius:8px;padding:0 12px}
.vt h3{margin:12px 0 4px;font-size:1rem}
.vt ol{list-style:none;margin:0;padding:0 0 0 14px;border-left:3px solid var(--line)}
.vt-item{position:relative;padding:4px 0}
.vt-item::before{content:"";position:absolute;left:-21px;top:11px;width:11px;height:11px;
border-radius:50%;border:2px solid var(--accent);background:var(--accent)}
.vt-item.st-soft::before,.vt-item.st-doubt::before{background:#fff;border-style:dashed}
.vt-item.st-off::before{background:#ddd;border-color:#888}
.vt-today{color:#b03024;font-weight:600;padding:4px 0;border-top:2px dashed #b03024}
.key{display:flex;flex-wrap:wrap;gap:4px 18px;list-style:none;padding:0;margin:8px 0;
font-size:.9rem}
.sw{display:inline-block;width:20px;height:11px;border:2px solid #1f5fae;border-radius:3px;
margin-right:6px;vertical-align:-1px;background:#1f5fae}
.sw.soft{background:#fff;border-style:dashed}.sw.doubt{background:#fff;border-color:#8a5a00;
border-style:dotted}.sw.off{background:#ddd;border-color:#888}.sw.band{opacity:.4}
.sw.today{width:0;border-width:0 0 0 2px;border-color:#b03024;border-style:dashed}
.hint{font-size:.85rem;color:var(--muted)}
.series{list-style:none;padding:0;margin:0;display:grid;
grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
.series>li{border:1px solid var(--line);border-radius:8px;padding:12px}
.series h3{margin:0 0 4px}
.series ol{padding-left:18px;margin:6px 0 0;font-size:.95rem}
.events{list-style:none;padding:0;margin:0}
.events li>ul{list-style:none;margin:6px 0 0;padding:0 0 0 18px;
border-left:3px solid var(--line)}
.event{padding:10px 0;border-bottom:1px solid var(--line)}
.events li>ul>.event{border-bottom:0;padding:8px 0 4px}
.event:target>article{background:#fff6e0;outline:2px solid #e6b84c}
.event h4,.event h5,.event h6{display:inline}
.when{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:6px}
.title{font-weight:600}
.meta{display:block;font-size:.9rem;color:var(--muted)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;
font-size:.92rem}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.facts ul,.facts ol{margin:0;padding-left:18px}
.desc{margin:4px 0;max-width:75ch}
.badge{display:inline-block;font-size:.75rem;padding:0 6px;border-radius:10px;
border:1px solid currentColor;margin-left:6px;vertical-align:1px;font-weight:400}
.st-firm .badge{color:#1f5fae}.st-soft .badge{color:#1f5fae;border-style:dashed}
.st-doubt .badge{color:#7a4f00;border-style:dotted}.st-off .badge{color:#5f5f5f}
.st-off .title{text-decoration:line-through}
form.custom{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end}
form.custom label{display:flex;flex-direction:column;font-size:.9rem}
form.custom select,form.custom input{font:inherit;padding:4px}
footer{margin-top:40px;padding-bottom:40px;color:var(--muted);font-size:.9rem}
.jump{display:flex;flex-wrap:wrap;gap:4px 16px;font-weight:600}
@media (max-width:600px){body{font-size:15px}h1{font-size:1.4rem}
.feeds{grid-template-columns:1fr}.feed p{font-size:.85rem}.url{display:none}
.timeline-scroll,.tl-tools,.tl-svg-link{display:none}.vt-box{display:block}
.facts{grid-template-columns:1fr}.facts dt{margin-top:4px}}
"""


#: Where the page's script is, relative to the site root (a same-origin file: the
#: content-security policy allows no inline script).
SCRIPT_PATH = "assets/site.js"


def site_script() -> bytes:
    """The page's script (served at :data:`SCRIPT_PATH`), as the package ships it."""
    return (resources.files("summitcal.web") / "site_assets" / "site.js").read_bytes()
