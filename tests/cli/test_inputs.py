"""``govlint check`` on what clerks actually receive: bad files among good ones, and a very large folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cpu_time import cpu_time

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seeds" / "003_0ab25f721fbf8f7b.txt"


def check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "govlint", "check", "--reference-date", "2025-06-01", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False, timeout=300)


def test_each_bad_file_gets_one_line_and_the_good_ones_are_checked(tmp_path: Path) -> None:
    folder = tmp_path / "2024年报"
    folder.mkdir()
    (folder / "空.txt").write_bytes(b"")
    (folder / "乱码.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "假.docx").write_bytes(b"not a zip at all")
    (folder / "坏.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    shutil.copy(SEED, folder / "好.txt")
    done = check(tmp_path, "2024年报", "--format", "json")
    assert (done.returncode, done.stderr) == (2, "")
    data = json.loads(done.stdout)
    assert data["files"] == 5 and data["errors"] == []
    unread = [d for d in data["diagnostics"] if d["code"] == "GL001"]
    expected = {os.path.join("2024年报", name) for name in ("空.txt", "乱码.txt", "假.docx", "坏.pdf")}
    assert sorted(d["path"] for d in unread) == sorted(expected)
    assert all(d["unread"] and d["message"].startswith("无法读取此文件，未检查：") for d in unread)


def test_a_folder_of_ten_thousand_files_is_walked_and_checked(tmp_path: Path) -> None:
    # 10,000 files in 100 folders: 9,990 that are not reports (skipped by extension) and 10 short reports.
    for i in range(10_000):
        folder = tmp_path / "收文" / f"{i % 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % 1000 == 0:
            (folder / f"{i}.txt").write_text("某某局2023年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
        else:
            (folder / f"{i}.csv").write_text("x", encoding="utf-8")
    with cpu_time() as spent:
        done = check(tmp_path, "收文", "--statistics", "--format", "json")
    assert spent.seconds < 120
    assert done.returncode == 1, done.stderr
    counts = {row["code"]: row["count"] for row in json.loads(done.stdout)}
    assert counts["GL407"] == 10  # one per report: none of them is dated
