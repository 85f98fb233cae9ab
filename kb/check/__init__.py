"""规划审核: check a mining or exploration application against the plans' rules.

See kb.check.checker."""

from kb.check.checker import Checker

__all__ = ["Checker"]
