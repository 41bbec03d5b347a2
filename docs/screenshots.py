"""The screenshots in docs/screenshots/: the main pages at a desktop's width (1366 px) and a
phone's (375 px), each as its role sees it, from the demo site that ``make run`` serves.

Run: make screenshots (the site must be running; PORT as for make run)."""

from playwright.sync_api import sync_playwright

import os
import shutil

ARGS = ["--no-sandbox", "--disable-gpu"]
base = os.environ.get("SITE_URL", "http://localhost:8080/Plone")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
creds = {
    "staff": ("staff", "staff-2018"),
    "secretary": ("secretary", "secretary-2018"),
    "youjin": ("youjin", "youjin-2018"),
}
SHOTS = [
    ("anon", "", "workbench-visitor"),
    ("secretary", "", "workbench-secretariat"),
    ("youjin", "", "workbench-member"),
    ("anon", "/2018", "programme"),
    ("staff", "/2018/2018-06-28-bimonthly", "consultation"),
    ("secretary", "/2018/2018-02-28-bimonthly/s004", "suggestion"),
    ("secretary", "/@@tracking-dashboard", "dashboard"),
    ("youjin", "/@@my-duties", "my-duties"),
]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
    for width, suffix in ((1366, "desktop"), (375, "phone")):
        contexts = {}
        for who, path, name in SHOTS:
            if who not in contexts:
                c = b.new_context(
                    locale="zh-CN",
                    viewport={"width": width, "height": 900 if width > 500 else 812},
                    device_scale_factor=1,
                )
                page = c.new_page()
                if who != "anon":
                    page.goto(base + "/login")
                    page.fill("#__ac_name", creds[who][0])
                    page.fill("#__ac_password", creds[who][1])
                    page.click("button[name='buttons.login']")
                    page.wait_for_load_state()
                contexts[who] = page
            page = contexts[who]
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(
                path=f"{os.path.dirname(__file__)}/screenshots/{name}-{suffix}.png",
                full_page=False,
            )
    b.close()
