from collective.consultation.testing import FUNCTIONAL_TESTING
from collective.consultation.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (INTEGRATION_TESTING, "integration"),
            (FUNCTIONAL_TESTING, "functional"),
        )
    )
)


@pytest.fixture(scope="session")
def package_name() -> str:
    return "collective.consultation"
