"""The Python distribution: a wheel built from ``pyproject.toml`` carries every file of the four packages
(the text catalogues, recognizer cues and Alembic's files included), builds without setuptools'
"package would be ignored" warning, and works installed on its own, away from the source tree.

The build runs ``pip wheel`` with build isolation from the configured package index (as ``pip install .``
does), on a clean copy of the tree: setuptools reuses an in-tree ``build/`` folder, whose leftovers
would hide a file the configuration no longer ships. An editable install never shows a missing data
file, since it reads them from the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES

PACKAGES = ("bot", "dialogs", "storage", "minutes")


# What ``.gitignore`` keeps out of a checkout, and so out of the copy the wheel is built from.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "node_modules", "build", "dist", "*.egg-info", "__pycache__",
                                    "*.pyc", ".pytest_cache", ".hypothesis", "*.db", "*.db-*")


def package_files(tree: Path) -> set[str]:
    """Every file of the packages in ``tree`` as the wheel names it (POSIX paths)."""
    return {path.relative_to(tree).as_posix() for package in PACKAGES for path in (tree / package).rglob("*")
            if path.is_file()}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean copy of the working tree (no build leftovers, no caches)."""
    tree = tmp_path_factory.mktemp("source") / "referatbot"
    shutil.copytree(ROOT, tree, ignore=NOT_SOURCE)
    return tree


@pytest.fixture(scope="module")
def wheel(source: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The wheel built from the clean copy, and what the build printed."""
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--verbose", "-w", str(out), str(source)],
                           capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-3000:]
    (built,) = out.glob("referatbot-*.whl")
    return built, build.stdout + build.stderr


def test_the_wheel_carries_every_file_of_the_packages_data_included(wheel: tuple[Path, str], source: Path) -> None:
    names = set(zipfile.ZipFile(wheel[0]).namelist())
    expected = package_files(source)
    data = {"dialogs/catalogue/da.toml", "dialogs/cues/da.toml", "storage/alembic.ini",
            "storage/migrations/script.py.mako"}
    assert data <= expected  # the walk sees the data folders, so the comparison below covers them
    assert sorted(expected - names) == []


def test_the_build_has_no_setuptools_warning_about_ignored_packages(wheel: tuple[Path, str]) -> None:
    output = wheel[1]
    assert "Package would be ignored" not in output and "absent from the `packages` configuration" not in output


def test_the_installed_wheel_ingests_and_answers_away_from_the_source_tree(wheel: tuple[Path, str],
                                                                          tmp_path: Path) -> None:
    site = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(site), str(wheel[0])],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-3000:]
    # The installed copy first on the path, the dependencies from this environment; run outside the
    # repository so nothing can be read from the working tree.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REFERATBOT_", "MicrosoftApp"))}
    env.update(PYTHONPATH=str(site), REFERATBOT_SEMANTIC="off")
    db = f"sqlite:///{tmp_path / 'installed.db'}"

    def referatbot(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "bot.cli", "--db", db, *args], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    where = subprocess.run([sys.executable, "-c", "import bot, dialogs; print(bot.__file__, dialogs.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.split() == [str(site / "bot" / "__init__.py"), str(site / "dialogs" / "__init__.py")]
    assert "Indlæst 5 dokument(er)" in referatbot("ingest", str(SAMPLES))
    answer = referatbot("ask", "hvad blev besluttet om hjemmeplejen?")
    assert "Beslutning" in answer and "Hjemmeplejen" in answer, answer
