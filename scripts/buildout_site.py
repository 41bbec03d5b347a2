"""Run by `bin/instance run` in `make buildout-check`: create the demo site in the
buildout instance with the same code `make run` uses."""

from collective.consultation.scripts.create_site import configure_mail
from collective.consultation.scripts.create_site import ensure_site

import transaction

site, created = ensure_site(app)  # noqa: F821 (`app` is given by `bin/instance run`)
configure_mail(site, "127.0.0.1", 8025)
transaction.commit()
print("buildout site:", site.absolute_url(), "created" if created else "kept")
