"""Build steps for the site. Each is a plain function with its own command line; the
MkDocs hooks in `scripts/hooks/` are thin adapters that call them."""
