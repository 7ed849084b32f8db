"""Shared set-up for the plans tests: uploads go to a temporary folder; plans built from text."""

from pathlib import Path

import pytest

from duban.plans.models import Plan
from duban.plans.services import plan_import_file

CORPUS = Path("/work/shared/corpus")
SAMPLES = Path(__file__).resolve().parents[3] / "samples"
FOUNDING_DOCUMENT = SAMPLES / "gansu-2012-reform-opinions.txt"

# A small document in the genre: two areas, three tasks, one department the directory lacks
# (省改革试点协调中心) and one task whose second half is really a task of its own.
SMALL_DOCUMENT = """甘肃省人民政府关于2013年试点改革工作的意见
甘政发〔2013〕1号

各市、自治州人民政府，省政府各部门：

一、深化财税体制改革
（一）推进预算公开。年底前全面公开省级部门预算。（省财政厅牵头，省审计厅配合）
（二）完善转移支付制度。6月底前出台办法。（省财政厅负责）
二、推进试点工作
（一）开展综合改革试点。选择三个县开展试点。建立试点评估制度，年内形成评估报告。（省改革试点协调中心、省发展改革委负责）

甘肃省人民政府
2013年3月1日
"""


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def write_document(tmp_path: Path, text: str = SMALL_DOCUMENT, name: str = "试点意见.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def small_plan(coordinator, tmp_path) -> Plan:
    """A draft plan of SMALL_DOCUMENT, imported by the coordinator."""
    return plan_import_file(path=write_document(tmp_path), year=2013, by=coordinator)
