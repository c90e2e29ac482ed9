"""Every snapshot test writes its files to a folder of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(autouse=True)
def datasets_dir(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "datasets"
    settings.HITL_DATASETS_DIR = folder
    return folder
