"""A real headless Chromium (Debian's ``chromium`` + ``chromium-driver``) at a phone's size.

``phone``: a Selenium driver on the system browser, 360 × 640 CSS pixels, mobile emulation, a
fresh profile; ``shot(driver, name)`` saves the whole page to
``test-output/screenshots/web-<name>.png`` (gitignored; the ones worth showing are copied to
``docs/screenshots``). Without the browser the tests skip, except under ``CI=true``, where a
missing browser is a failure.
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTH, HEIGHT = 360, 640


@pytest.fixture
def phone(tmp_path: Path) -> Iterator[object]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver are needed (apt-get install chromium chromium-driver)")
        pytest.skip("chromium / chromium-driver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in CI and on the developers' machines
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        f"--window-size={WIDTH},{HEIGHT}",
        "--lang=id-ID",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "id-ID,id"})
    # the browser's own words (a date field's format) follow the process's locale, as on a phone
    service = Service(
        executable_path=CHROMEDRIVER, env={**os.environ, "LANGUAGE": "id", "LANG": "id_ID.UTF-8"}
    )
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
    )
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver: object, name: str) -> Path:
    """The whole page (not only what fits on the screen), as a PNG."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})  # type: ignore[attr-defined]
    size = metrics["cssContentSize"]
    capture = driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": WIDTH, "height": max(HEIGHT, size["height"]), "scale": 1},
        },
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"web-{name}.png"
    path.write_bytes(base64.b64decode(capture["data"]))
    return path
