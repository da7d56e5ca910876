"""The "Should I go off the record here?" decision-tree engine.

Pure Python, standard library only at run time: the same code runs in the build,
in the editors' CLI, in the tests and, compiled for Pyodide, in the browser.
"""

from decision_tree.errors import DecisionTreeError, InvalidAnswer, TreeInvalid
from decision_tree.model import Answer, Link, Option, Outcome, Question, Tree, Verdict

__all__ = [
    "Answer",
    "DecisionTreeError",
    "InvalidAnswer",
    "Link",
    "Option",
    "Outcome",
    "Question",
    "Tree",
    "TreeInvalid",
    "Verdict",
]
