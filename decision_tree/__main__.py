"""`python -m decision_tree`: the editors' command line."""

import sys

from decision_tree.cli import main

sys.exit(main())
