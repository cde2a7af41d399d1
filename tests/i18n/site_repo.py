"""A temporary git repository holding a site, for the i18n tests.

The site lives in ROOT/site/ (so the repository prefix is exercised), and
commits get controlled dates from a clock that moves forward on each one.
"""
import os
import pathlib
import subprocess


class SiteRepo:
    """A git repository at `root` with a site in site/ and a commit clock."""

    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.root.mkdir(parents=True)
        self.site = self.root / "site"
        self.time = 1_700_000_000
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "t@example.com")
        self.git("config", "user.name", "Tester")
        # skiff keeps caches in SITE/.skiff-cache: never part of a commit.
        (self.root / ".gitignore").write_text(".skiff-cache/\n")

    def git(self, *args):
        env = dict(os.environ, GIT_AUTHOR_DATE=f"@{self.time} +0000", GIT_COMMITTER_DATE=f"@{self.time} +0000")
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True,
                              capture_output=True, text=True).stdout

    def write(self, path, text):
        p = self.site / path
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)

    def commit(self, subject, seconds=3600):
        """Commits everything, `seconds` after the previous commit; returns its time."""
        self.time += seconds
        self.git("add", "-A")
        self.git("commit", "-q", "-m", subject)
        return self.time
