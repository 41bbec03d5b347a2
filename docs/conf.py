"""Sphinx configuration: the add-on's documentation, in Markdown (MyST)."""

project = "collective.consultation"
author = "collective.consultation contributors"
copyright = "2026, collective.consultation contributors"  # noqa: A001
language = "en"

extensions = ["myst_parser"]
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

exclude_patterns = ["_build", "reference/examples"]
html_theme = "alabaster"
html_title = "collective.consultation"
html_static_path = []
