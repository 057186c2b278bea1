// Inlined into every page: one request per page, no external fonts or scripts.
export const SITE_CSS = `
:root{--fg:#1d1f21;--muted:#5a5f66;--line:#d9dce0;--bg:#fff;--accent:#0b5cad;--yes:#1a7f37;--no:#b42318;--wait:#8a5a00;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:var(--fg);background:var(--bg)}
body{margin:0}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.top{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between;padding:12px 20px;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--fg)}
.search{display:flex;gap:6px}.search input{padding:6px 8px;border:1px solid #8a9099;border-radius:4px;min-width:12rem;font:inherit}
.search button{padding:6px 12px;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;font:inherit;cursor:pointer}
main{max-width:52rem;margin:0 auto;padding:16px 20px 40px}
h1{font-size:1.9rem;line-height:1.2;margin:.4em 0 .2em}h2{font-size:1.3rem;margin:1.6em 0 .4em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.lede{font-size:1.08rem}
.meta{color:var(--muted);font-size:.9rem}
.verdict{display:inline-block;font-weight:700;padding:1px 8px;border-radius:4px;margin-right:6px;color:#fff}
.verdict-yes,.status-renewed,.status-upcoming{background:var(--yes)}.verdict-no,.status-cancelled,.status-ended,.status-limited{background:var(--no)}.verdict-wait,.status-undecided{background:var(--wait)}
.badge{display:inline-block;font-size:.78rem;font-weight:600;padding:0 6px;border-radius:4px;color:#fff;vertical-align:middle}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600}
td.num,th.num{text-align:right}
.table-wrap{overflow-x:auto}
table.month td{height:4.5rem;width:14%;font-size:.85rem;border:1px solid var(--line)}
ul.plain{list-style:none;padding:0}ul.plain li{padding:6px 0;border-bottom:1px solid var(--line)}
.cite{font-size:.85rem;color:var(--muted)}
.error{color:var(--no);font-weight:600}
details{margin:.4em 0}summary{cursor:pointer}
.bottom{border-top:1px solid var(--line);padding:12px 20px;color:var(--muted);font-size:.85rem;max-width:52rem;margin:0 auto}
.comment-list,.comment-replies{list-style:none;padding:0;margin:0}.comment{border-top:1px solid var(--line);padding:8px 0}.comment-replies{margin-left:1.2rem;border-left:3px solid var(--line);padding-left:.8rem}.comment-replies .comment{border-top:0}
.comment-head{margin:.2em 0}.comment-body p{margin:.3em 0}.comment-body blockquote{margin:.3em 0;padding-left:.8em;border-left:3px solid var(--line);color:var(--muted)}.comment-body pre{overflow-x:auto;background:#f4f5f7;padding:6px}
.comment-actions{margin:.2em 0}.comment-actions details,.comment-actions form{display:inline}.report summary{display:inline;color:var(--accent)}
.comment-form textarea,.comment-form input:not([type=checkbox]){width:100%;max-width:36rem;box-sizing:border-box;padding:6px 8px;border:1px solid #8a9099;border-radius:4px;font:inherit}
.comment-form button,.queue button,.report-form button{padding:6px 12px;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;font:inherit;cursor:pointer}
.spoiler summary{color:var(--wait);font-weight:600}.notice:empty{display:none}.notice{background:#eef6ee;border:1px solid var(--yes);padding:6px 10px;border-radius:4px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}form.inline{display:inline}
@media (max-width:480px){h1{font-size:1.5rem}table{font-size:.9rem}.search input{min-width:0;width:9rem}th,td{padding:4px}}
`;
