"""Submodules that load when first used: `analysis.viz.plots` works after `import analysis`,
while `import analysis` itself stays light (the heavy libraries load with the stage that needs
them)."""

from __future__ import annotations

import importlib
import importlib.util


def lazy(package: str):
    """A module-level `__getattr__` for `package` that imports its submodules on first use."""

    def __getattr__(name: str):
        if not name.startswith("_") and importlib.util.find_spec(f"{package}.{name}") is not None:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module '{package}' has no attribute '{name}'")

    return __getattr__
