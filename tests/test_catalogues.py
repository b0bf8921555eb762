"""Every catalogue has exactly the Vietnamese keys, with the same placeholders; English reads as English."""

from __future__ import annotations

import re
import unicodedata

import pytest

import messages

OTHERS = [locale for locale in messages.LOCALES if locale != messages.VI]
# Texts meant to be the same in every language: the bilingual language question and its labels.
BILINGUAL = {"language.prompt", "language.hint", "language.vi", "language.en"}
VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[^\W\d_](?=[\u0300-\u0323])")


def _diacritics(text: str) -> bool:
    """True when the text has a Vietnamese letter with a diacritic ("ă", "ệ", "đ"...)."""
    return bool(VIETNAMESE_LETTER.search(unicodedata.normalize("NFD", text)))


@pytest.mark.parametrize("locale", OTHERS)
def test_every_catalogue_has_exactly_the_vietnamese_keys(locale: str) -> None:
    reference, other = messages.catalog(messages.VI), messages.catalog(locale)
    assert sorted(set(reference) - set(other)) == [], f"missing in {locale}"
    assert sorted(set(other) - set(reference)) == [], f"extra in {locale}"


@pytest.mark.parametrize("locale", OTHERS)
def test_placeholders_match_the_vietnamese(locale: str) -> None:
    differing = [key for key in messages.catalog(messages.VI)
                 if messages.placeholders(locale, key) != messages.placeholders(messages.VI, key)]
    assert differing == []


def test_english_has_no_vietnamese_sentence() -> None:
    found = [key for key, text in messages.catalog(messages.EN).items()
             if key not in BILINGUAL and _diacritics(text)]
    assert found == []


def test_english_differs_from_vietnamese_where_it_is_words() -> None:
    vietnamese, english = messages.catalog(messages.VI), messages.catalog(messages.EN)
    same = [key for key in vietnamese if vietnamese[key] == english[key] and key not in BILINGUAL
            and any(ch.isalpha() for ch in re.sub(r"\{[^}]*\}", "", vietnamese[key]))]
    assert same == []


def test_the_one_lookup_falls_back_to_vietnamese_for_a_language_it_does_not_speak() -> None:
    assert messages.t("fr", "option.yes") == messages.t(messages.VI, "option.yes") == "Có"
    assert messages.t(messages.EN, "option.yes") == "Yes"


def test_a_catalogue_module_with_a_key_twice_is_refused(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "messages_xx"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("MESSAGES = {'k.one': 'A'}")
    (package / "b.py").write_text("MESSAGES = {'k.one': 'B'}")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ValueError, match="duplicate message key"):
        messages.catalog("xx")
