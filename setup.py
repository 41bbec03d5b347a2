from setuptools import find_namespace_packages
from setuptools import setup

long_description = "\n\n".join(
    open(name, encoding="utf-8").read() for name in ("README.md", "CHANGES.md")
)

setup(
    name="collective.consultation",
    version="1.0.0.dev0",
    description=(
        "Political-consultation committees on Plone 6: programmes, consultations, "
        "calendar invitations, Word minutes and suggestion tracking."
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Development Status :: 4 - Beta",
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Intended Audience :: End Users/Desktop",
        "Natural Language :: Chinese (Simplified)",
        "Natural Language :: English",
        "Operating System :: OS Independent",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: 3.11",
        "Topic :: Office/Business :: Scheduling",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone CPPCC consultation calendar minutes",
    author="Plone Community",
    author_email="collective@plone.org",
    url="https://github.com/collective/collective.consultation",
    project_urls={
        "Source": "https://github.com/collective/collective.consultation",
        "Tracker": "https://github.com/collective/collective.consultation/issues",
        "Changelog": (
            "https://github.com/collective/collective.consultation/blob/main/CHANGES.md"
        ),
    },
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["collective.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Plone>=6.2,<6.3",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.event",
        "plone.app.relationfield",
        "plone.restapi",
        "icalendar",
        "python-docx",
        "docxtpl",
        "openpyxl",
        "defusedxml",  # openpyxl then refuses a workbook with a DTD (entity bombs)
        "pypdfium2",  # a PDF material's first page as a picture, for phones
        "Pillow",
        "python-dateutil",
        "pypinyin",
        "segno",  # QR codes for check-in
        "setuptools",
    ],
    extras_require={
        # `make run` starts a local SMTP sink that keeps every sent mail.
        "dev": ["aiosmtpd"],
        "test": [
            "aiosmtpd",
            "axe-playwright-python",
            "coverage",
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-cov",
            "pytest-plone",
            "playwright",
            "vobject",
        ],
        # More than one Zope process: RelStorage on PostgreSQL (the wheel of the driver needs
        # no compiler), and ZEO.
        "relstorage": ["RelStorage", "psycopg2-binary", "ZEO"],
        # `make lint`: plone/meta's hooks, run by pre-commit from the venv
        "lint": [
            "black",
            "check-manifest",
            "check-python-versions",
            "codespell",
            "flake8",
            "i18ndude",
            "isort",
            "pre-commit",
            "pyroma",
            "pyupgrade",
            "towncrier",
            "zpretty",
        ],
        # `make i18n` (rebuild .pot, sync .po) and `make buildout-check`
        "i18n": ["i18ndude"],
        "buildout": [
            "zc.buildout",
            "plone.recipe.zope2instance",
            "plone.recipe.zeoserver",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "consultation-mailsink = collective.consultation.scripts.mailsink:main",
            "consultation-instance = collective.consultation.scripts.instance:main",
            "consultation-create-site = collective.consultation.scripts.create_site:main",
            "consultation-remind = collective.consultation.scripts.remind:main",
            "consultation-mail-worker = collective.consultation.scripts.mailworker:main",
            "consultation-cluster = collective.consultation.scripts.cluster:main",
            "consultation-site-digest = collective.consultation.scripts.digest:main",
        ],
    },
)
