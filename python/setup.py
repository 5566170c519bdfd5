"""Platform wheels: each carries one platform's static descent binary, so
the wheel is tagged py3-none-PLATFORM (no Python ABI, one OS and CPU).
DESCENT_WHEEL_PLATFORM names the platform tag; scripts/wheels.py sets it
(without it the wheel is tagged for this machine)."""
import os

from setuptools import Distribution, setup

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # pragma: no cover - only sdists without wheel
    bdist_wheel = None

cmdclass = {}
if bdist_wheel is not None:

    class PlatformWheel(bdist_wheel):
        """A wheel that is not pure (it carries a binary) but works with
        any Python 3."""

        def finalize_options(self):
            plat = os.environ.get("DESCENT_WHEEL_PLATFORM")
            if plat:
                self.plat_name = plat
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):
            return "py3", "none", self.plat_name

    cmdclass["bdist_wheel"] = PlatformWheel



class BinaryDistribution(Distribution):
    """A distribution with a platform part, so that its files install into
    platlib (the wheel's root) rather than a purelib data folder."""

    def has_ext_modules(self):
        return bool(os.environ.get("DESCENT_WHEEL_PLATFORM"))


setup(cmdclass=cmdclass, distclass=BinaryDistribution)
