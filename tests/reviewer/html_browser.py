"""Starting the system's headless Chromium for the page's browser tests and benchmarks/bench_html.py.

Only a browser and driver already installed are used (Debian: ``apt-get install chromium chromium-driver``):
selenium is given both paths and told to stay offline, so nothing is ever downloaded.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

#: Headless, no sandbox (CI runs as root), and nothing that reaches the network on its own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)
INSTALL = "apt-get install chromium chromium-driver (Debian) and pip install selenium"


def executables() -> tuple[str | None, str | None]:
    """The paths of chromium and chromedriver, or None for one that is not on PATH."""
    chromium = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
    return chromium, shutil.which("chromedriver")


def start(chromium: str, driver: str, profile: str) -> Any:
    """A selenium driver of ``chromium`` through ``driver``, with a fresh profile in ``profile`` and the
    browser's console and network (CDP performance) logs kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # selenium's manager may never fetch a browser or a driver
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    browser.set_page_load_timeout(60)
    return browser
