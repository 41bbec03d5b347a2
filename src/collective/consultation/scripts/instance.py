"""Write a Zope instance configuration: waitress on 127.0.0.1:PORT and one of three storages:

- ``filestorage`` (``make run``): ZODB FileStorage and blobs in ``var/``, one process;
- ``zeo``: a client of the ZEO server at ``--zeo-address`` (``make run-zeo``);
- ``relstorage``: RelStorage on PostgreSQL at ``--dsn`` (``make run-relstorage``).

Written on every run, so PORT can change; the data is kept."""

from pathlib import Path

import argparse

ZOPE_CONF = """\
%define VAR {var}
instancehome {instance}
clienthome $VAR
default-zpublisher-encoding utf-8
<environment>
  zope_i18n_compile_mo_files true
  CHAMELEON_CACHE $VAR/cache
  CONSULTATION_MAIL_WORKER {mail_worker}
  CONSULTATION_CATALOG_REFRESH thread
</environment>
{storage}
<dos_protection>
</dos_protection>
"""

STORAGES = {
    "filestorage": """\
<zodb_db main>
  <filestorage>
    path $VAR/filestorage/Data.fs
    blob-dir $VAR/blobstorage
  </filestorage>
  mount-point /
  cache-size 50000
</zodb_db>""",
    # Each client keeps its own blob cache; the server holds the blobs.
    "zeo": """\
%import ZEO
<zodb_db main>
  <zeoclient>
    server {zeo_address}
    storage 1
    name zeostorage
    blob-dir $VAR/blobcache
    shared-blob-dir false
    blob-cache-size 500MB
    cache-size 128MB
    wait true
  </zeoclient>
  mount-point /
  cache-size 50000
</zodb_db>""",
    # Blobs live in PostgreSQL; each instance caches them locally.
    "relstorage": """\
%import relstorage
<zodb_db main>
  <relstorage>
    keep-history false
    blob-dir $VAR/blobcache
    shared-blob-dir false
    blob-cache-size 500MB
    <postgresql>
      dsn {dsn}
    </postgresql>
  </relstorage>
  mount-point /
  cache-size 50000
</zodb_db>""",
}

ZOPE_INI = """\
[app:zope]
use = egg:Zope#main
zope_conf = %(here)s/zope.conf

[server:main]
use = egg:waitress#main
listen = {host}:{port}
threads = 4
clear_untrusted_proxy_headers = false

[filter:translogger]
use = egg:Paste#translogger
setup_console_handler = False

[pipeline:main]
pipeline =
    egg:Zope#httpexceptions
    translogger
    zope

[loggers]
keys = root, waitress, wsgi

[handlers]
keys = console, accesslog, eventlog

[formatters]
keys = generic, message

[formatter_generic]
format = %(asctime)s %(levelname)s [%(name)s] %(message)s
datefmt = %Y-%m-%d %H:%M:%S

[formatter_message]
format = %(message)s

[logger_root]
level = INFO
handlers = console, eventlog

[logger_waitress]
level = INFO
handlers = eventlog
qualname = waitress

[logger_wsgi]
level = WARN
handlers = accesslog
qualname = wsgi
propagate = 0

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = WARNING
formatter = generic

[handler_accesslog]
class = FileHandler
args = (r'{var}/log/access.log', 'a')
level = INFO
formatter = message

[handler_eventlog]
class = FileHandler
args = (r'{var}/log/event.log', 'a')
level = INFO
formatter = generic
"""

SITE_ZCML = """\
<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:meta="http://namespaces.zope.org/meta"
    xmlns:five="http://namespaces.zope.org/five">
  <include package="Zope2.App" />
  <five:loadProducts file="meta.zcml" />
  <five:loadProducts />
  <five:loadProductsOverrides />
</configure>
"""


def write_instance(
    instance,
    var,
    host="127.0.0.1",
    port=8080,
    storage="filestorage",
    zeo_address="127.0.0.1:8100",
    dsn="",
    mail_worker=True,
):
    """Write etc/zope.conf, zope.ini and site.zcml; ``mail_worker`` runs the delivery
    worker as a thread in this instance (mailworker.py)."""
    instance, var = Path(instance).resolve(), Path(var).resolve()
    blobs = var / ("blobstorage" if storage == "filestorage" else "blobcache")
    for folder in (
        instance / "etc",
        var / "filestorage",
        blobs,
        var / "log",
        var / "cache",
        var / "mail",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    blobs.chmod(0o700)  # ZODB refuses a blob folder others can read
    section = STORAGES[storage].format(zeo_address=zeo_address, dsn=dsn)
    (instance / "etc" / "zope.conf").write_text(
        ZOPE_CONF.format(
            var=var,
            instance=instance,
            storage=section,
            mail_worker="on" if mail_worker else "off",
        )
    )
    (instance / "etc" / "zope.ini").write_text(
        ZOPE_INI.format(var=var, host=host, port=port)
    )
    (instance / "etc" / "site.zcml").write_text(SITE_ZCML)
    return instance / "etc"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--instance", default="instance")
    parser.add_argument("--var", default="var")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--storage", choices=sorted(STORAGES), default="filestorage")
    parser.add_argument(
        "--zeo-address", default="127.0.0.1:8100", help="host:port of the ZEO server"
    )
    parser.add_argument(
        "--dsn",
        default="",
        help="PostgreSQL connection, e.g. 'dbname=plone host=… port=…'",
    )
    args = parser.parse_args(argv)
    if args.storage == "relstorage" and not args.dsn:
        parser.error("--dsn is required with --storage relstorage")
    print(
        write_instance(
            args.instance,
            args.var,
            args.host,
            args.port,
            args.storage,
            args.zeo_address,
            args.dsn,
        )
    )


if __name__ == "__main__":
    main()
