"""The search analyzers: jieba words with sequential positions, single characters, normalisation."""

from __future__ import annotations

import pickle

import jieba
import pytest
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema
from whoosh.filedb.filestore import RamStorage

from kb.search.analyzer import SEPARATOR, CharTokenizer, WordTokenizer, jieba_for, normalize

WORDS = ("最低开采规模", "重点勘查区", "菱镁矿")


def tokens(analyzer, text: str) -> list[tuple[str, int, int, int]]:
    return [
        (t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)
    ]


WORD_CASES = [
    # text, expected (word, position, start, end)
    (
        "最低开采规模为 30 万吨/年",
        [
            ("最低开采规模", 0, 0, 6),
            ("为", 1, 6, 7),
            ("30", 2, 8, 10),
            ("万吨", 3, 11, 13),
            ("年", 4, 14, 15),
        ],
    ),
    ("B₂O₃ 组分量", [("b2o3", 0, 0, 4), ("组分", 1, 5, 7), ("量", 2, 7, 8)]),
    (
        "新发现大中型矿产地 5-10 处",
        [
            ("新", 0, 0, 1),
            ("发现", 1, 1, 3),
            ("大中型", 2, 3, 6),
            ("矿产地", 3, 6, 9),
            ("5", 4, 10, 11),
            ("10", 5, 12, 14),
            ("处", 6, 15, 16),
        ],
    ),
    ("“净矿”出让", [("净矿", 0, 1, 3), ("出让", 1, 4, 6)]),
    ("ＡＢＣ１２", [("abc12", 0, 0, 5)]),
    (
        "划定30个重点勘查区。",
        [("划定", 0, 0, 2), ("30", 1, 2, 4), ("个", 2, 4, 5), ("重点勘查区", 3, 5, 10)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_words_have_sequential_positions_and_offsets_into_the_original(text, expected):
    assert tokens(WordTokenizer(WORDS), text) == expected


def test_chars_are_every_letter_digit_and_ideograph():
    assert tokens(CharTokenizer(), "硼矿（B₂O₃）") == [
        ("硼", 0, 0, 1),
        ("矿", 1, 1, 2),
        ("b", 2, 3, 4),
        ("2", 3, 4, 5),
        ("o", 4, 5, 6),
        ("3", 5, 6, 7),
    ]


def test_a_separator_leaves_a_gap_so_no_phrase_runs_across_it():
    assert [t[1] for t in tokens(CharTokenizer(), f"丹东{SEPARATOR}硼矿")] == [0, 1, 3, 4]


def test_normalize_keeps_the_origin_of_every_character():
    assert normalize("Ｂ₂硼") == ("b2硼", [0, 1, 2])
    assert normalize("㎡") == ("m2", [0, 0])


def test_domain_words_stay_whole_only_with_the_dictionary():
    assert WordTokenizer(WORDS).tokens("菱镁矿最低开采规模") == ["菱镁矿", "最低开采规模"]
    assert WordTokenizer(()).tokens("菱镁矿最低开采规模") != ["菱镁矿", "最低开采规模"]


def test_the_global_jieba_dictionary_is_never_touched():
    word = "测试专用甲乙词"
    jieba_for((word,))
    assert word not in jieba.dt.FREQ
    assert WordTokenizer((word,)).tokens(f"这是{word}。") == ["这是", word]


def test_tokenizers_with_the_same_words_share_one_jieba():
    assert jieba_for(WORDS) is jieba_for(tuple(WORDS))


def test_the_word_analyzer_pickles_as_its_word_list():
    analyzer = WordTokenizer(("乙", "甲"))
    state = pickle.dumps(analyzer)
    assert len(state) < 200
    assert pickle.loads(state).words == ("乙", "甲")
    assert pickle.loads(state) == analyzer


def test_untokenized_values_are_normalised_whole():
    assert [t.text for t in WordTokenizer(WORDS)("B₂O₃ 矿", tokenize=False)] == ["b2o3 矿"]


@pytest.fixture(scope="module")
def tiny_index():
    schema = Schema(
        id=ID(stored=True),
        body=TEXT(analyzer=WordTokenizer(WORDS)),
        chars=TEXT(analyzer=CharTokenizer()),
    )
    ix = RamStorage().create_index(schema)
    with ix.writer() as writer:
        writer.add_document(id="together", body="推进绿色矿山建设。", chars="推进绿色矿山建设。")
        writer.add_document(id="apart", body="矿山建设要绿色。", chars="矿山建设要绿色。")
    return ix


def ids(ix, query) -> set[str]:
    with ix.searcher() as searcher:
        return {hit["id"] for hit in searcher.search(query)}


def test_a_phrase_of_words_matches_words_in_a_row_only(tiny_index):
    words = ["绿色", "矿山", "建设"]
    assert WordTokenizer(WORDS).tokens("绿色矿山建设") == words
    assert ids(tiny_index, wq.Phrase("body", words)) == {"together"}
    assert ids(tiny_index, wq.And([wq.Term("body", w) for w in words])) == {"together", "apart"}


def test_a_phrase_of_characters_finds_any_substring(tiny_index):
    assert ids(tiny_index, wq.Phrase("chars", list("山建"))) == {"together", "apart"}
    assert ids(tiny_index, wq.Phrase("chars", list("色矿"))) == {"together"}
