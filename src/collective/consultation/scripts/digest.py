"""A digest of what a site holds, to prove that a restart or an upgrade kept it:

    consultation-site-digest --zope-conf instance/etc/zope.conf --out before.json
    ... (restart, or upgrade with the new release's code)
    consultation-site-digest --zope-conf instance/etc/zope.conf --out after.json
    consultation-site-digest --compare before.json after.json

Every content item of the site is written as its path, type, workflow state, field values
(files by their size and SHA-256), local roles, and the add-on's annotations (invitation
records, attendance marks, readers, notices …) as plain data: a PersistentMapping and a
BTree with the same items give the same digest, so a change of storage shape is not a
change of data. ``--compare`` passes when every value of the first digest is still in the
second (new fields, new keys and new items are allowed: upgrades add them) and prints the
counts it compared. With FileStorage, run it while the server is stopped."""

from collections import Counter
from collective.consultation import mailworker
from datetime import date
from datetime import datetime
from datetime import time
from Testing.makerequest import makerequest
from zope.globalrequest import setRequest

import argparse
import hashlib
import json
import sys

OURS = "collective.consultation."
SKIPPED_ANNOTATIONS = (
    OURS + "outbox",
)  # the mail queue's state, not the office's data


def plain(value):
    """``value`` as JSON data, independent of how it is stored."""
    from plone.app.textfield.value import RichTextValue
    from plone.namedfile.interfaces import INamedFile
    from z3c.relationfield.interfaces import IRelationValue

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, bytes):
        return {"bytes": hashlib.sha256(value).hexdigest()}
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if IRelationValue.providedBy(value):
        return {"to": value.to_path}
    if INamedFile.providedBy(value):
        return {
            "filename": value.filename,
            "size": value.getSize(),
            "sha256": hashlib.sha256(value.data).hexdigest(),
        }
    if isinstance(value, RichTextValue):
        return value.raw
    if hasattr(value, "as_dict"):  # an object that says what it holds (a Mark)
        return plain(value.as_dict())
    if hasattr(value, "items"):  # dict, PersistentMapping, OOBTree …
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return [plain(item) for item in value]
    return {"type": type(value).__name__}


def item_digest(obj):
    from plone import api
    from plone.dexterity.utils import iterSchemata
    from zope.annotation.interfaces import IAnnotations
    from zope.schema import getFieldsInOrder

    fields = {}
    for schema in iterSchemata(obj):
        for name, field in getFieldsInOrder(schema):
            bound = field.bind(obj)
            try:
                fields[name] = plain(bound.get(schema(obj)))
            except (AttributeError, TypeError):
                continue
    annotations = {
        key: plain(value)
        for key, value in IAnnotations(obj).items()
        if key.startswith(OURS) and key not in SKIPPED_ANNOTATIONS
    }
    try:
        state = api.content.get_state(obj)
    except Exception:  # no workflow
        state = None
    return {
        "type": obj.portal_type,
        "state": state,
        # whatever the type's schema: who made it and when
        "created": plain(obj.created()),
        "creators": list(obj.listCreators()),
        "fields": fields,
        "local_roles": plain(dict(obj.__ac_local_roles__ or {})),
        "annotations": annotations,
    }


def site_digest(site):
    from plone.dexterity.interfaces import IDexterityContent

    items = {}
    site_path = "/".join(site.getPhysicalPath())

    def walk(container):
        for obj in container.objectValues():
            if not IDexterityContent.providedBy(obj):
                continue
            path = "/".join(obj.getPhysicalPath())[len(site_path) + 1 :]
            items[path] = item_digest(obj)
            if hasattr(obj, "objectValues"):
                walk(obj)

    walk(site)
    return items


def counts(digest):
    """What the digest holds, in the office's words."""
    found = Counter(item["type"] for item in digest.values())
    for item in digest.values():
        annotations = item["annotations"]
        found["invitation records"] += len(annotations.get(OURS + "invitations", {}))
        found["attendance marks"] += len(annotations.get(OURS + "attendance", {}))
        found["files"] += sum(
            1
            for value in item["fields"].values()
            if isinstance(value, dict) and "sha256" in value
        )
    return dict(sorted(found.items()))


def missing(before, after, where=""):
    """Where ``before`` is not kept in ``after``: a list of (place, before, after)."""
    if isinstance(before, dict) and isinstance(after, dict):
        out = []
        for key, value in before.items():
            if key not in after:
                out.append((f"{where}/{key}", value, "(gone)"))
            else:
                out.extend(missing(value, after[key], f"{where}/{key}"))
        return out
    if isinstance(before, list) and isinstance(after, list):
        if len(before) != len(after):
            return [(where, before, after)]
        out = []
        for index, (old, new) in enumerate(zip(before, after)):
            out.extend(missing(old, new, f"{where}[{index}]"))
        return out
    return [] if before == after else [(where, before, after)]


def migrated(before, after, migrations):
    """The items an upgrade moved to another type (``migrations``: {old: new}) are
    compared on what the new type holds: their state and the fields it has no longer
    may change; everything else must be kept."""
    out = {}
    for path, old in before.items():
        new = after.get(path)
        if new is None or migrations.get(old["type"]) != new["type"]:
            out[path] = old
            continue
        kept = {key: value for key, value in old.items() if key != "state"}
        kept["type"] = new["type"]
        kept["fields"] = {
            name: value
            for name, value in old["fields"].items()
            if name in new["fields"]
        }
        out[path] = kept
    return out


def compare(before_file, after_file, migrations=()):
    with open(before_file) as f:
        before = json.load(f)
    with open(after_file) as f:
        after = json.load(f)
    moved = dict(migration.split(":", 1) for migration in migrations)
    problems = missing(migrated(before, after, moved), after)
    for place, old, new in problems[:50]:
        print(f"changed: {place}: {old!r} -> {new!r}", file=sys.stderr)
    kept = counts(before)
    print(
        "compared "
        + ", ".join(f"{number} {name}" for name, number in kept.items())
        + (f": {len(problems)} differences" if problems else ": all kept")
    )
    return 1 if problems else 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zope-conf", default="instance/etc/zope.conf")
    parser.add_argument("--site", default="Plone")
    parser.add_argument("--out", default="-")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument(
        "--migrated",
        action="append",
        default=[],
        metavar="OLD:NEW",
        help="with --compare: items of type OLD may have become NEW (an upgrade step's)",
    )
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare, migrations=args.migrated)

    from Zope2.Startup.run import make_wsgi_app
    from zope.component.hooks import setSite

    import Zope2

    mailworker.no_thread()  # this process is not the site
    make_wsgi_app({}, args.zope_conf)
    app = makerequest(Zope2.app())
    setRequest(app.REQUEST)
    if args.site not in app.objectIds():
        print(f"No site '{args.site}' in this database.", file=sys.stderr)
        return 2
    site = app[args.site]
    setSite(site)
    digest = site_digest(site)
    text = json.dumps(digest, ensure_ascii=False, sort_keys=True, indent=1)
    if args.out == "-":
        print(text)
    else:
        with open(args.out, "w") as f:
            f.write(text)
    print(
        ", ".join(f"{n} {name}" for name, n in counts(digest).items()), file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
