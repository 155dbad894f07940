#!/usr/bin/env python3
"""Checks that the include graph of the library runs one way (docs/architecture.md):

    util -> store -> data / demog -> world -> metrics / relations / bargain / calib / sim
         -> ensemble -> eval -> report -> cli

A file may include headers of its own folder and of folders on its left (a public header
include/multipolar/X.h belongs to the folder of its module); folders of the same layer may
include each other's headers as long as the folders' graph has no cycle. Prints every
offending include and exits 1, else prints a summary line and exits 0.

    python3 scripts/check-includes.py [REPO]
"""
import os
import re
import sys

LAYERS = [["util"], ["store"], ["data", "demog"], ["world"],
          ["metrics", "relations", "bargain", "calib", "sim"],
          ["ensemble"], ["eval"], ["report"], ["cli"]]
LAYER = {f: i for i, fs in enumerate(LAYERS) for f in fs}
# public headers -> the module folder that implements them
PUBLIC = {"export": "util", "output": "util", "common": "util", "rng": "util", "table": "util", "stats": "util",
          "store": "store", "data": "data", "demog": "demog", "world": "world", "poles": "world",
          "crosswalk": "world", "metrics": "metrics", "relations": "relations",
          "bargain": "bargain", "calib": "calib", "sim": "sim", "ensemble": "ensemble",
          "eval": "eval", "chart": "report", "report": "report", "multipolar": "cli"}
INC = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of_header(path, including_folder):
    """The folder a quoted include refers to, or None for headers outside the library."""
    if path.startswith("multipolar/"):
        name = os.path.splitext(os.path.basename(path))[0]
        return PUBLIC.get(name, "?" + name)
    parts = path.split("/")
    if len(parts) == 2 and parts[0] in LAYER:
        return parts[0]
    if len(parts) == 1:
        return including_folder  # a header beside the file
    return None


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    files = []
    for base, folder_fn in ((os.path.join(root, "src", "lib"), lambda rel: rel.split(os.sep)[0]),
                            (os.path.join(root, "src", "cli"), lambda rel: "cli"),
                            (os.path.join(root, "include", "multipolar"),
                             lambda rel: PUBLIC.get(os.path.splitext(rel)[0], "?"))):
        for dirpath, _, names in os.walk(base):
            for n in sorted(names):
                if n.endswith((".c", ".h")):
                    p = os.path.join(dirpath, n)
                    files.append((p, folder_fn(os.path.relpath(p, base))))
    bad = []
    edges = {}
    for path, folder in files:
        text = open(path, encoding="utf-8").read()
        for inc in INC.findall(text):
            target = folder_of_header(inc, folder)
            if target is None:
                continue
            rel = os.path.relpath(path, root)
            if target.startswith("?") or folder.startswith("?"):
                bad.append(f"{rel}: includes \"{inc}\": header of no known module (add it to PUBLIC)")
                continue
            if target == folder:
                continue
            if target == "cli" and folder != "cli":
                bad.append(f"{rel}: includes \"{inc}\" (only the CLI and clients include all of the API)")
                continue
            if LAYER[target] > LAYER[folder]:
                bad.append(f"{rel}: includes \"{inc}\": {folder} must not use {target} (a layer to its right)")
                continue
            edges.setdefault(folder, {}).setdefault(target, rel)
    # cycles between folders (same layer)
    state = {}

    def visit(f, stack):
        state[f] = 1
        for t in sorted(edges.get(f, {})):
            if state.get(t) == 1:
                cyc = stack[stack.index(t):] + [t]
                bad.append("cycle between folders: " + " -> ".join(cyc) + f" (e.g. {edges[f][t]})")
            elif not state.get(t):
                visit(t, stack + [t])
        state[f] = 2

    for f in sorted(edges):
        if not state.get(f):
            visit(f, [f])
    for b in bad:
        print(b)
    if bad:
        print(f"include graph: {len(bad)} problem(s)")
        return 1
    print(f"include graph: {len(files)} files, {sum(len(v) for v in edges.values())} folder edges, one way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
