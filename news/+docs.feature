Documentation in `docs/` (Sphinx with MyST: tutorial, how-to, reference, explanation), built by `make docs`; the REST examples and the settings table are written by the tests. [plone-grade]
