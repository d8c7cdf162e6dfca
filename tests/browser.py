"""A headless Chromium for tests: Debian's chromium and chromium-driver driven by selenium.

One browser serves a whole test module (start it in a module- or session-scoped fixture):
starting Chromium costs about a second, a page load a few milliseconds. `Browser.missing()`
says why no browser can run here, for pytest.skip. Nothing is downloaded: the driver and
the browser are the ones on PATH (selenium's own driver manager is never asked).
"""
from __future__ import annotations

import base64
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

# What Chromium needs to run headless as root in a container, and to stay off the network.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none")


def _programs() -> tuple[str | None, str | None]:
    return shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


class Browser:
    """A page at a chosen viewport width, its requests (the DevTools network log), scripts, screenshots."""

    @staticmethod
    def missing() -> str | None:
        """Why no browser can run here, or None."""
        chromium, driver = _programs()
        if chromium is None or driver is None:
            return "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
        try:
            import selenium  # noqa: F401
        except ImportError:
            return "needs selenium (pip install -e '.[test]')"
        return None

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        chromium, driver = _programs()
        self.profile = tempfile.mkdtemp(prefix="measures-chromium-")  # a fresh profile each run
        options = webdriver.ChromeOptions()
        options.binary_location = str(chromium)
        for flag in (*FLAGS, f"--user-data-dir={self.profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=str(driver)), options=options)
        self.driver.set_script_timeout(30)

    def cdp(self, command: str, **params: Any) -> Any:
        return self.driver.execute_cdp_cmd(command, params)

    def open(self, url: str, width: int, height: int = 800) -> None:
        """Load `url` in a viewport `width` CSS pixels wide; the request log starts afresh."""
        self.cdp("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        self.driver.get_log("performance")  # drop what earlier pages logged
        self.driver.get(url)
        self.js("return document.fonts.ready.then(() => true)")

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def requests(self) -> list[str]:
        """Every URL the page asked for since `open` (Network.requestWillBeSent)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def axe(self, source: str, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """axe-core's violations on the page, less the rules in `skip` (the script is injected
        through DevTools, so the page's Content-Security-Policy does not block it)."""
        self.js(source)
        result: list[dict[str, Any]] = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "const rules = Object.fromEntries(arguments[0].map(r => [r, {enabled: false}]));"
            "axe.run(document, {resultTypes: ['violations'], rules})"
            ".then(r => done(r.violations), e => done(String(e)));",
            list(skip))
        if isinstance(result, str):
            raise RuntimeError(f"axe-core failed: {result}")
        return result

    def screenshot(self, path: Path, full: bool = True) -> Path:
        """A PNG of the viewport, or of the whole page (`full`)."""
        params: dict[str, Any] = {"format": "png", "optimizeForSpeed": True}
        if full:
            size = self.cdp("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self.cdp("Page.captureScreenshot", **params)["data"]))
        return path

    def quit(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)
