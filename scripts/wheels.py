"""Builds the Python package's platform wheels into dist/wheels/: for each
platform a static, graphics-free descent (CGO_ENABLED=0, -tags nogui,nomlflow) and
the built page (web/, without its gzip twins) are copied into a staging
copy of python/, and Debian's python3-build makes the wheel from it with no
network (--no-isolation). Run by make wheel, after make web."""

import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# GOOS, GOARCH and the wheel's platform tag. The binaries are static, so
# the Linux wheels need no particular C library (manylinux2014, glibc 2.17,
# is the oldest tag pip still knows); Go 1.26 binaries for macOS say they
# need macOS 12 (LC_BUILD_VERSION minos 12.0).
PLATFORMS = [
    ("linux", "amd64", "manylinux_2_17_x86_64"),
    ("linux", "arm64", "manylinux_2_17_aarch64"),
    ("darwin", "amd64", "macosx_12_0_x86_64"),
    ("darwin", "arm64", "macosx_12_0_arm64"),
    ("windows", "amd64", "win_amd64"),
]


def page_files():
    web = os.path.join(ROOT, "web")
    names = sorted(n for n in os.listdir(web) if not n.endswith(".gz") and os.path.isfile(os.path.join(web, n)))
    if "descent.wasm" not in names:
        sys.exit("wheels: web/descent.wasm is missing (make web)")
    return [os.path.join(web, n) for n in names]


def build(goos, goarch, tag, out, go):
    with tempfile.TemporaryDirectory(prefix="descent-wheel-") as stage:
        src = os.path.join(ROOT, "python")
        for name in ("pyproject.toml", "setup.py", "README.md"):
            shutil.copy(os.path.join(src, name), stage)
        shutil.copytree(os.path.join(src, "descent"), os.path.join(stage, "descent"),
                        ignore=shutil.ignore_patterns("__pycache__", "bin", "web"))
        exe = "descent.exe" if goos == "windows" else "descent"
        env = dict(os.environ, GOOS=goos, GOARCH=goarch, CGO_ENABLED="0")
        subprocess.run([go, "build", "-tags", "nogui,nomlflow", "-trimpath", "-ldflags=-s -w",
                        "-o", os.path.join(stage, "descent", "bin", exe), "./cmd/native"],
                       cwd=ROOT, env=env, check=True)
        os.makedirs(os.path.join(stage, "descent", "web"))
        for f in page_files():
            shutil.copy(f, os.path.join(stage, "descent", "web"))
        env = dict(os.environ, DESCENT_WHEEL_PLATFORM=tag)
        proc = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", out, stage],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            sys.exit("wheels: %s: python3 -m build failed:\n%s" % (tag, proc.stdout.decode(errors="replace")))
    wheel = [n for n in os.listdir(out) if n.endswith("-py3-none-%s.whl" % tag)]
    if len(wheel) != 1:
        sys.exit("wheels: want one wheel tagged %s in %s, found %s" % (tag, out, wheel))
    path = os.path.join(out, wheel[0])
    print("%-52s %5.2f MB" % (os.path.relpath(path, ROOT), os.path.getsize(path) / 1e6))


def main(args):
    """usage: wheels.py [OUTDIR [TAG]]: every platform's wheel into OUTDIR
    (default dist/wheels, emptied first), or only the one tagged TAG."""
    out = os.path.abspath(args[0]) if args else os.path.join(ROOT, "dist", "wheels")
    chosen = [p for p in PLATFORMS if len(args) < 2 or p[2] == args[1]]
    if not chosen:
        sys.exit("wheels: no platform tagged %s (want one of %s)" % (args[1], ", ".join(p[2] for p in PLATFORMS)))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    go = os.environ.get("GO", "go")
    for goos, goarch, tag in chosen:
        build(goos, goarch, tag, out, go)


if __name__ == "__main__":
    main(sys.argv[1:])
