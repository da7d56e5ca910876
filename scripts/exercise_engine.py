"""Every kind of request the browser's engine serves, run inside Pyodide by the build.

`scripts/trace_stdlib.mjs` runs it to find which standard-library files the engine imports;
`scripts/make_snapshot.mjs` runs it before taking the memory snapshot, so every module a
request needs is already in memory when the browser restores the engine, and the restored
engine reads no standard-library file. Run with `pyodide.runPython` once `decision_tree` is
importable.
"""

import json

import decision_tree.bridge as bridge

tree = bridge.packaged_tree()
first = tree.questions[tree.start].options[0].id
for request in [
    {"op": "open", "link": "", "site": "../"},
    {"op": "open", "link": "?a%2Db=c&" + tree.start + "=" + first, "site": "../"},
    {"op": "choices", "link": "", "site": "../"},
    {"op": "answer", "link": "", "option": "<b>"},
    {"op": "back", "link": first},
    {"op": "start"},
    {"op": "record", "link": first, "page": "https://example.org/decide/", "date": "2026-01-01"},
    {"op": "nonsense"},
]:
    bridge.handle(json.dumps({"tree": tree.slug, **request}))
bridge.handle("not json")
