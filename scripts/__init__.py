"""Build steps for the site. Each is a plain function with its own command line; the MkDocs
hook `scripts/hooks/X.py` is a thin adapter that calls the step `scripts/X.py` (the hooks
site_address and external_links only adjust MkDocs' own output and have no step)."""
