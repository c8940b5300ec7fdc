"""The build's one step beyond pyproject.toml: the seed article and its curated files, kept in
data/raw/ (the one copy, edited by hand), go into the package as analysis/data/seed/, for an
installed package run from a folder that is no project (see analysis/paths.py)."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SEED = ("article.txt", "article.meta.yaml", "article.facts.yaml")


class BuildWithSeed(build_py):
    """build_py, then data/raw/article.* copied into the built package's data/seed/."""

    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads data/raw/ in the checkout itself
            return
        target = Path(self.build_lib) / "analysis" / "data" / "seed"
        self.mkpath(str(target))
        for name in SEED:
            self.copy_file(str(HERE / "data" / "raw" / name), str(target / name))


setup(cmdclass={"build_py": BuildWithSeed})
