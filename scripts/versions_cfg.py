"""Write profiles/versions.cfg (buildout) from constraints.txt, so the two never drift."""

from pathlib import Path

import sys


def main(constraints="constraints.txt", target="profiles/versions.cfg"):
    pins = []
    for line in Path(constraints).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins.append((name.strip(), version.strip()))
    body = "\n".join(
        f"{name} = {version}"
        for name, version in sorted(pins, key=lambda p: p[0].lower())
    )
    Path(target).write_text(
        "# Generated from constraints.txt by `make versions-cfg`: do not edit by hand.\n"
        f"[versions]\n{body}\n"
    )
    print(f"{target}: {len(pins)} pins")


if __name__ == "__main__":
    main(*sys.argv[1:])
