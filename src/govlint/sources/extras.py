"""Import an optional dependency, or explain in one line which extra installs it."""

from __future__ import annotations

import importlib
from types import ModuleType

from govlint.sources.guard import input_error


def require(module: str, extra: str, name: str) -> ModuleType:
    """Import ``module`` for reading ``name``; if it is missing, say ``pip install 'govlint[extra]'``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        command = f"pip install 'govlint[{extra}]'"
        raise input_error(
            name,
            f"读取此类文件需要安装可选依赖：{command}",
            f"reading this file needs an optional dependency: {command}",
        ) from None
