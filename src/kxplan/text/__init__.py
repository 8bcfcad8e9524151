"""Words for people: the message catalogue, safe printing, suggestions.

`tr` says a message of the catalogue, `both` gives one in both languages, `in_lang` chooses
between a plan's own two texts; the few places where the languages differ in more than words
have a function each (`groups_thousands`, `measure_apart`, `keeps_english`).
"""

from kxplan.text.langs import (
    LANGS,
    default_lang,
    groups_thousands,
    keeps_english,
    lang_given,
    lang_of,
    measure_apart,
)
from kxplan.text.messages import both, in_lang, os_reason, tr

__all__ = [
    "LANGS",
    "both",
    "default_lang",
    "groups_thousands",
    "in_lang",
    "keeps_english",
    "lang_given",
    "lang_of",
    "measure_apart",
    "os_reason",
    "tr",
]
