from hypothesis import given
from hypothesis import strategies as st

from relbook.core.pinyin import initials, name_matches, name_pinyin, sort_key


def test_name_pinyin_and_initials():
    assert name_pinyin("张三") == "zhang san"
    assert initials("张三") == "zs"


def test_surname_readings_use_the_surname_pronunciation():
    assert name_pinyin("曾小贤").startswith("zeng ")
    assert name_pinyin("单田芳").startswith("shan ")
    assert name_pinyin("万俟雪") == "mo qi xue"


def test_every_documented_query_finds_zhang_san():
    for query in ("zs", "zhangsan", "张", "张s", "zhangs", "zsan", "张三", "ZS", "zhang san", "三"):
        assert name_matches("张三", query), query


def test_queries_that_do_not_fit_do_not_match():
    for query in ("x", "sz", "zhangsanf", "李", "zx"):
        assert not name_matches("张三", query), query


def test_latin_names_match_by_substring():
    assert name_matches("Tom Lee", "tomle")
    assert name_matches("Tom Lee", "lee")
    assert not name_matches("Tom Lee", "tim")


def test_sort_key_orders_by_pinyin():
    names = ["张三", "安娜", "李四", "王五", "欧阳娜娜"]
    assert sorted(names, key=sort_key) == ["安娜", "李四", "欧阳娜娜", "王五", "张三"]


@given(st.text(alphabet="张王李赵刘陈三四五六七明华", min_size=1, max_size=4))
def test_a_name_always_finds_itself_by_initials_and_full_spelling(name):
    assert name_matches(name, name)
    assert name_matches(name, initials(name))
    assert name_matches(name, name_pinyin(name).replace(" ", ""))


def test_each_character_reads_as_pypinyin_reads_it():
    """The syllables come from pypinyin's character table read directly (its phrase tables
    are never loaded); for every Han character they are what ``lazy_pinyin`` gives."""
    from pypinyin import Style, lazy_pinyin

    from relbook.core import pinyin

    table = pinyin.reading_table()
    assert table is not None and len(table) > 20000
    han = [chr(code) for code in table if pinyin.is_han(chr(code))]
    assert len(han) > 20000
    expected = [lazy_pinyin(ch, style=Style.NORMAL, errors="default")[0].lower() for ch in han]
    assert [pinyin._char_syllable(ch) for ch in han] == expected


def test_names_are_converted_without_loading_the_phrase_tables():
    import subprocess
    import sys

    code = (
        "import sys; from relbook.core.pinyin import name_keys; "
        "print(name_keys('吕绿 单田芳'), 'pypinyin' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split(") ")[-1].strip() == "False"
    assert "lv" in out.stdout
