"""The framework data and the pix scale (DOMAIN §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.core.errors import SourceError
from kiosk.core.framework import default_framework, level_for_pix, load_framework


def test_five_domains_sixteen_competences_in_order() -> None:
    fw = default_framework()
    assert [d.id for d in fw.domains] == ["1", "2", "3", "4", "5"]
    ids = [c.id for c in fw.competences]
    assert ids == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4",
                   "4.1", "4.2", "4.3", "5.1", "5.2"]  # fmt: skip
    assert [fw.order(i) for i in ids] == list(range(16))


def test_official_labels_and_themes() -> None:
    fw = default_framework()
    assert fw.competence("1.1").label == "Mener une recherche et une veille d'information"
    assert fw.competence("2.4").label == "S'insérer dans le monde numérique"
    assert fw.competence("4.3").label == "Protéger la santé, le bien-être et l'environnement"
    assert fw.competence("5.2").label == "Évoluer dans un environnement numérique"
    assert all(len(c.themes) >= 3 for c in fw.competences)
    assert fw.domains[2].label == "Création de contenu"


@pytest.mark.parametrize(
    ("pix", "level"),
    [(0, 0), (7, 0), (8, 1), (15, 1), (16, 2), (39, 4), (40, 5), (56, 7), (63, 7), (64, 8)],
)
def test_level_is_floor_of_pix_over_eight(pix: int, level: int) -> None:
    assert level_for_pix(pix) == level


@pytest.mark.parametrize("pix", [-1, 65])
def test_pix_out_of_range_refused(pix: int) -> None:
    with pytest.raises(ValueError):
        level_for_pix(pix)


@pytest.mark.parametrize(
    ("level", "name"),
    [(0, ""), (1, "Novice"), (2, "Novice"), (3, "Indépendant"), (6, "Avancé"), (8, "Expert")],
)
def test_level_names(level: int, name: str) -> None:
    assert default_framework().level_name(level) == name


def test_incomplete_framework_file_is_refused_with_location(tmp_path: Path) -> None:
    path = tmp_path / "fw.yaml"
    path.write_text(
        "format: certkiosk/framework@1\nscale: {}\nlevel_names: []\ndomains: []\n", encoding="utf-8"
    )
    with pytest.raises(SourceError, match=r"fw\.yaml:1: expected 5 domains"):
        load_framework(path)
