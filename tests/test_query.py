"""DuckDB queries over built tables: filters, aggregations and pages agree with plain Python."""
import pytest

from newslens.engine import StreamingTableWriter
from newslens.pipeline import SCHEMAS
from newslens.query import Filters, Store

ARTICLES = [
    {"doc_id": "a1", "outlet": "AP", "published": "2024-11-02", "title": "Drones over Kyiv", "text": "..."},
    {"doc_id": "a2", "outlet": "BBC", "published": "2024-11-20", "title": "Aid debate", "text": "..."},
    {"doc_id": "a3", "outlet": "AP", "published": "2024-12-05", "title": "Winter front", "text": "..."},
    {"doc_id": "a4", "outlet": None, "published": None, "title": "Undated note", "text": "..."},
]
SENTENCES = [
    {"doc_id": "a1", "sent_id": 0, "text": "Drones hit Kyiv.", "topics": ["drones"]},
    {"doc_id": "a1", "sent_id": 1, "text": "Aid was discussed.", "topics": ["aid"]},
    {"doc_id": "a2", "sent_id": 0, "text": "Seoul weighs aid.", "topics": ["aid", "korea"]},
    {"doc_id": "a3", "sent_id": 0, "text": "Shelling continued.", "topics": []},
    {"doc_id": "a4", "sent_id": 0, "text": "A note.", "topics": ["drones"]},
]
QUOTES = [
    {"quote_id": "a1:q0", "doc_id": "a1", "sent_id": 0, "text": "We shot them down", "kind": "full", "speaker": "Andriy Yermak"},
    {"quote_id": "a1:q1", "doc_id": "a1", "sent_id": 1, "text": "wish list", "kind": "scare", "speaker": None},
    {"quote_id": "a2:q0", "doc_id": "a2", "sent_id": 0, "text": "No lethal aid", "kind": "full", "speaker": "Yoon Suk Yeol"},
    {"quote_id": "a3:q0", "doc_id": "a3", "sent_id": 0, "text": "It goes on", "kind": "partial", "speaker": "Yoon Suk Yeol"},
    {"quote_id": "a4:q0", "doc_id": "a4", "sent_id": 0, "text": "note", "kind": "scare", "speaker": None},
]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    with StreamingTableWriter(out, {k: SCHEMAS[k] for k in ("articles", "sentences", "quotes")},
                              flush_rows=2) as writer:     # several row groups per file
        writer.add({"articles": ARTICLES, "sentences": SENTENCES, "quotes": QUOTES})
    return out


# Every test runs on the in-memory index and on plain Parquet scans: same answers.
@pytest.fixture(scope="module", params=[True, False], ids=["index", "parquet"])
def store(tables, request):
    return Store(tables, index=request.param)


def _expected_docs(outlets=None, date_from=None, date_to=None):
    docs = set()
    for a in ARTICLES:
        if outlets is not None and a["outlet"] not in outlets:
            continue
        if (date_from or date_to) and a["published"] is None:
            continue
        if date_from and a["published"] < date_from:
            continue
        if date_to and a["published"] > date_to:
            continue
        docs.add(a["doc_id"])
    return docs


@pytest.mark.parametrize("filters, docs", [
    (Filters(), {"a1", "a2", "a3", "a4"}),
    (Filters.make(outlets=["AP"]), _expected_docs(outlets={"AP"})),
    (Filters.make(outlets=["AP", None]), _expected_docs(outlets={"AP", None})),
    (Filters.make(outlets=["Nobody"]), set()),
    (Filters.make(date_from="2024-11-10"), _expected_docs(date_from="2024-11-10")),
    (Filters.make(date_to="2024-11-30"), _expected_docs(date_to="2024-11-30")),
    (Filters.make(date_to="2024-11"), {"a1", "a2"}),            # a month bound includes the month
    (Filters.make(outlets=["AP"], date_to="2024-11-30"), {"a1"}),
])
def test_article_filters_reach_every_table(store, filters, docs):
    assert store.count("articles", filters) == len(docs)
    assert store.count("quotes", filters) == sum(q["doc_id"] in docs for q in QUOTES)
    assert store.count("sentences", filters) == sum(s["doc_id"] in docs for s in SENTENCES)


@pytest.mark.parametrize("table, topics, expected", [
    ("sentences", ["aid"], 2),
    ("sentences", ["korea", "drones"], 3),
    ("quotes", ["drones"], 2),        # a1:q0 and a4:q0 sit in drone sentences
    ("quotes", ["aid"], 2),           # a1:q1, a2:q0
    ("articles", ["aid"], 2),         # a1 and a2 have an aid sentence
    ("quotes", ["nothing"], 0),
])
def test_topic_filter_follows_the_row_sentence(store, table, topics, expected):
    assert store.count(table, Filters.make(topics=topics)) == expected


@pytest.mark.parametrize("search, expected", [
    ("YOON", 2),                      # speaker column, case-insensitive
    ("lethal", 1),
    ("'; DROP TABLE quotes; --", 0),  # a literal, never SQL
    ("100%", 0),
    ("", 5),                          # blank search is no filter
])
def test_search_is_a_bound_case_insensitive_substring(store, search, expected):
    assert store.count("quotes", Filters.make(search=search)) == expected


@pytest.mark.parametrize("equals, expected", [
    ({"kind": ["full"]}, 2),
    ({"kind": ["full", "partial"]}, 3),
    ({"speaker": [None]}, 2),
    ({"kind": []}, 0),
])
def test_equals_filters_on_the_table_itself(store, equals, expected):
    assert store.count("quotes", Filters.make(equals=equals)) == expected


def test_unknown_columns_are_refused_not_interpolated(store):
    with pytest.raises(KeyError):
        store.count("quotes", Filters.make(equals={'kind" OR 1=1 --': ["x"]}))
    with pytest.raises(KeyError):
        store.count_by("quotes", "no_such_column")


def test_count_by_joins_article_columns_and_sorts_largest_first(store):
    by_outlet = store.count_by("quotes", "outlet")
    got = dict(zip(by_outlet["outlet"].fillna("?"), by_outlet["n"]))
    assert got == {"AP": 3, "BBC": 1, "?": 1}
    assert list(by_outlet["n"]) == sorted(by_outlet["n"], reverse=True)
    by_month = store.count_by("quotes", "month", Filters.make(outlets=["AP"]))
    assert dict(zip(by_month["month"], by_month["n"])) == {"2024-11": 2, "2024-12": 1}


def test_count_by_unnests_list_columns_and_can_count_articles(store):
    topics = store.count_by("sentences", "topics")
    assert dict(zip(topics["topics"], topics["n"])) == {"aid": 2, "drones": 2, "korea": 1}
    speakers = store.count_by("quotes", "speaker", distinct_docs=True,
                              filters=Filters.make(equals={"kind": ["full", "partial"]}))
    assert dict(zip(speakers["speaker"], speakers["n"])) == {"Yoon Suk Yeol": 2, "Andriy Yermak": 1}
    assert len(store.count_by("quotes", ["outlet", "kind"], limit=2)) == 2


def test_pages_are_stable_and_carry_article_columns(store):
    first = store.page("quotes", columns=["quote_id", "outlet", "text"], order_by=["outlet"], limit=2)
    second = store.page("quotes", columns=["quote_id", "outlet", "text"], order_by=["outlet"],
                        limit=2, offset=2)
    rest = store.page("quotes", columns=["quote_id"], order_by=["outlet"], offset=4)
    ids = list(first["quote_id"]) + list(second["quote_id"]) + list(rest["quote_id"])
    assert sorted(ids) == sorted(q["quote_id"] for q in QUOTES)
    assert list(first["quote_id"]) == ["a1:q0", "a1:q1"]            # AP first, file order within
    assert list(first["outlet"]) == ["AP", "AP"]


def test_distinct_and_date_range_and_rows_for_doc(store):
    assert store.distinct("articles", "outlet") == ["AP", "BBC"]
    assert store.distinct("sentences", "topics", Filters.make(outlets=["BBC"])) == ["aid", "korea"]
    assert store.date_range() == ("2024-11-02", "2024-12-05")
    assert list(store.rows_for_doc("quotes", "a1")["quote_id"]) == ["a1:q0", "a1:q1"]


def test_missing_tables_are_empty_and_size_comes_from_footers(store, tmp_path):
    assert store.count("figures") == 0
    assert store.count_by("figures", "unit").empty
    assert store.num_rows("sentences") == len(SENTENCES)
    assert not store.is_large()
    assert store.is_large(threshold=4)
    assert Store(tmp_path).counts() == {t: 0 for t in ("articles", "sentences", "quotes", "figures",
                                                        "dates", "weapons", "entities")}


def test_pages_fetch_text_columns_for_just_their_rows(store):
    page = store.page("quotes", Filters.make(outlets=["AP"]), columns=["text", "quote_id", "published"],
                      order_by=["published"], descending=True, limit=2)
    assert list(page.columns) == ["text", "quote_id", "published"]
    assert list(page["quote_id"]) == ["a3:q0", "a1:q0"]        # newest first, then file order
    assert list(page["text"]) == ["It goes on", "We shot them down"]
    assert store.page("quotes", Filters.make(outlets=["Nobody"]), columns=["text"]).empty


def test_warm_builds_the_index_once(tables):
    store = Store(tables)
    store.warm()
    assert store.count("quotes", Filters.make(outlets=["BBC"])) == 1
    store.warm()
    assert store.count("quotes", Filters.make(outlets=["BBC"], search="aid")) == 1   # Parquet path


WEAPONS = [
    {"mention_id": "a1:w0", "doc_id": "a1", "sent_id": 0, "surface": "drones", "canonical": "drone", "category": "drone"},
    {"mention_id": "a2:w0", "doc_id": "a2", "sent_id": 0, "surface": "ATACMS", "canonical": "ATACMS", "category": "missile"},
]


@pytest.fixture(scope="module", params=[True, False], ids=["index", "parquet"])
def store4(tmp_path_factory, request):
    out = tmp_path_factory.mktemp("tables4")
    with StreamingTableWriter(out, {k: SCHEMAS[k] for k in ("articles", "sentences", "quotes", "weapons")}) as w:
        w.add({"articles": ARTICLES, "sentences": SENTENCES, "quotes": QUOTES, "weapons": WEAPONS})
    return Store(out, index=request.param)


@pytest.mark.parametrize("filters, expected", [
    # speakers keep sentences: quotes by them; weapons and sentences in sentences quoting them
    (Filters.make(speakers=["Yoon Suk Yeol"]), {"quotes": 2, "weapons": 1, "sentences": 2, "articles": 2}),
    (Filters.make(speakers=["Nobody"]), {"quotes": 0, "weapons": 0, "sentences": 0, "articles": 0}),
    # categories: the mention's own category; quotes in sentences naming such a weapon
    (Filters.make(categories=["drone"]), {"quotes": 1, "weapons": 1, "sentences": 1, "articles": 1}),
    (Filters.make(categories=["missile"], speakers=["Yoon Suk Yeol"]), {"quotes": 1, "weapons": 1, "sentences": 1,
                                                                       "articles": 1}),
    # search: the row's own text or its sentence's text
    (Filters.make(search="kyiv"), {"quotes": 1, "weapons": 1, "sentences": 1, "articles": 1}),
    (Filters.make(search="weighs aid"), {"quotes": 1, "weapons": 1, "sentences": 1, "articles": 0}),
    # undated articles: out of a date range unless asked for
    (Filters.make(date_from="2024-11-01"), {"quotes": 4, "weapons": 2, "sentences": 4, "articles": 3}),
    (Filters.make(date_from="2024-11-01", include_undated=True), {"quotes": 5, "weapons": 2, "sentences": 5,
                                                                  "articles": 4}),
])
def test_sentence_level_filters_reach_every_table(store4, filters, expected):
    assert {t: store4.count(t, filters) for t in expected} == expected


FIGURES = [
    # the same measure (case and spaces differ) in AP and BBC, with different values: compared
    {"figure_id": "a1:f0", "doc_id": "a1", "sent_id": 0, "surface": "10,000 troops", "value": 10000.0,
     "unit": "count", "counts": "troops"},
    {"figure_id": "a2:f0", "doc_id": "a2", "sent_id": 0, "surface": "10,900 troops", "value": 10900.0,
     "unit": "count", "counts": " Troops"},
    {"figure_id": "a3:f0", "doc_id": "a3", "sent_id": 0, "surface": "10,000", "value": 10000.0,
     "unit": "count", "counts": "troops"},
    # one source only, no unit, nothing counted: not compared
    {"figure_id": "a3:f1", "doc_id": "a3", "sent_id": 0, "surface": "5 km", "value": 5.0, "unit": "km",
     "counts": "distance"},
    {"figure_id": "a1:f1", "doc_id": "a1", "sent_id": 1, "surface": "3", "value": 3.0, "unit": None,
     "counts": "troops"},
    {"figure_id": "a2:f1", "doc_id": "a2", "sent_id": 0, "surface": "7", "value": 7.0, "unit": "count",
     "counts": ""},
]


@pytest.fixture(scope="module", params=[True, False], ids=["index", "parquet"])
def store5(tmp_path_factory, request):
    out = tmp_path_factory.mktemp("tables5")
    names = ("articles", "sentences", "quotes", "weapons", "figures")
    with StreamingTableWriter(out, {k: SCHEMAS[k] for k in names}, flush_rows=2) as w:
        w.add({"articles": ARTICLES, "sentences": SENTENCES, "quotes": QUOTES, "weapons": WEAPONS,
               "figures": FIGURES})
    return Store(out, index=request.param)


@pytest.mark.parametrize("filters, expected", [
    (Filters(), ["a1:q0", "a1:q1", "a2:q0", "a3:q0", "a4:q0"]),
    (Filters.make(outlets=["AP"]), ["a1:q0", "a1:q1", "a3:q0"]),
    (Filters.make(speakers=["Nobody"]), []),
])
def test_positions_and_rows_at_read_filtered_rows_in_table_order(store5, filters, expected):
    pos = store5.positions("quotes", filters)
    assert pos == sorted(pos)
    assert list(store5.rows_at("quotes", pos)["quote_id"]) == expected
    assert list(store5.rows_at("quotes", pos[::-1], columns=["quote_id"])["quote_id"]) == expected[::-1]
    assert store5.positions("quotes", filters, offset=1, limit=2) == pos[1:3]


@pytest.mark.parametrize("gap", [4096, 0], ids=["spans", "row-groups"])
def test_rows_at_keeps_parquet_dtypes_across_row_groups(store5, monkeypatch, gap):
    import newslens.query as q
    monkeypatch.setattr(q, "_CLUSTER_GAP", gap)      # 0: every row its own span, too many: row groups
    monkeypatch.setattr(q, "_MAX_CLUSTERS", 2)
    rows = store5.rows_at("quotes", [4, 0, 2, 0])    # flush_rows=2: three row groups
    assert list(rows["quote_id"]) == ["a4:q0", "a1:q0", "a2:q0", "a1:q0"]
    rows = store5.rows_at("quotes", [4, 0, 2])
    assert list(rows["quote_id"]) == ["a4:q0", "a1:q0", "a2:q0"]
    assert str(rows["sent_id"].dtype) == "int64"
    assert store5.rows_at("quotes", []).empty
    with pytest.raises(IndexError):
        store5.rows_at("quotes", [99])


def test_sentence_rows_follow_the_keys_and_leave_missing_ones_empty(store5):
    got = store5.sentence_rows(["a2", "a1", "a9", "a1", "a1"], [0, 1, 0, -1, None])
    assert list(got["text"]) == ["Seoul weighs aid.", "Aid was discussed.", None, None, None]
    assert [list(t) if t is not None else None for t in got["topics"]] == [["aid", "korea"], ["aid"], None, None,
                                                                            None]


def test_count_by_topic_counts_a_row_once_per_topic_of_its_sentence(store5):
    got = store5.count_by_topic("quotes", "kind")
    pairs = {(k, t if isinstance(t, str) else None): n for k, t, n in zip(got["kind"], got["topic"], got["n"])}
    # a1:q0 drones, a1:q1 aid, a2:q0 aid+korea, a3:q0 no topic, a4:q0 drones
    assert pairs == {("full", "drones"): 1, ("scare", "aid"): 1, ("full", "aid"): 1, ("full", "korea"): 1,
                     ("partial", None): 1, ("scare", "drones"): 1}
    assert store5.count_by_topic("quotes", "kind", Filters.make(outlets=["BBC"]))["n"].sum() == 2


@pytest.mark.parametrize("filters, table, expected", [
    (Filters.make(near="weapons"), "quotes", 2),                           # a1 s0 and a2 s0 name weapons
    (Filters.make(near="weapons", categories=["missile"]), "quotes", 1),   # only a2's sentence
    (Filters.make(near="weapons", outlets=["AP"]), "quotes", 1),
    (Filters.make(near="weapons"), "figures", 3),
    (Filters.make(near="weapons", search="aid"), "figures", 2),    # both tables obey the search: a2's sentence
    (Filters.make(near="weapons", search="ATACMS"), "figures", 0),  # the weapon matches, no figure does
    (Filters.make(near="quotes", speakers=["Nobody"]), "weapons", 0),
])
def test_near_keeps_rows_in_sentences_holding_a_filtered_row_of_another_table(store5, filters, table, expected):
    assert store5.count(table, filters) == expected


def test_measures_group_the_same_measure_across_sources_in_sql(store5):
    got = store5.measures(Filters(), unknown="Unknown")
    assert list(got["measure"]) == ["troops", "troops"] and list(got["unit"]) == ["count", "count"]
    assert dict(zip(got["source"], got["values"])) == {"AP": [10000.0], "BBC": [10900.0]}
    assert dict(zip(got["source"], got["n"])) == {"AP": 2, "BBC": 1}
    assert store5.measures(Filters.make(outlets=["AP"])).empty          # one source: nothing to compare
    points = store5.measure_points(Filters(), [("troops", "count")], unknown="Unknown")
    assert list(zip(points["source"], points["value"], points["n"])) == [("AP", 10000.0, 2), ("BBC", 10900.0, 1)]
    assert list(points["as_written"]) == ["10,000 troops", "10,900 troops"]   # the first figure of each
    assert store5.measure_points(Filters(), []).empty


def test_doc_rows_read_one_article_in_table_order(store5):
    assert list(store5.doc_rows("quotes", "a1")["quote_id"]) == ["a1:q0", "a1:q1"]
    assert list(store5.doc_rows("figures", "a3", columns=["figure_id", "value"]).columns) == ["figure_id", "value"]
    assert store5.doc_rows("quotes", "nobody").empty
    assert store5.doc_rows("dates", "a1").empty                 # a missing table is empty
    with pytest.raises(KeyError):
        store5.doc_rows("quotes", "a1", columns=['text" FROM x --'])


def test_rows_per_article_follow_article_positions(store5):
    per = store5.rows_per_article("quotes")
    assert per.tolist() == [2, 1, 1, 1]                       # a1..a4 in file order
    assert store5.rows_per_article("figures").tolist() == [2, 2, 2, 0]
    assert store5.rows_per_article("dates").tolist() == [0, 0, 0, 0]   # missing table
    ap = store5.positions("articles", Filters.make(outlets=["AP"]))
    assert per[ap].tolist() == [2, 1]


def test_sentence_rows_are_found_when_sentences_are_not_in_article_order(tmp_path):
    shuffled = [SENTENCES[i] for i in (3, 1, 4, 0, 2)]      # a1's sentences apart and reversed
    with StreamingTableWriter(tmp_path, {k: SCHEMAS[k] for k in ("articles", "sentences")}) as w:
        w.add({"articles": ARTICLES, "sentences": shuffled})
    store = Store(tmp_path)
    got = store.sentence_rows(["a1", "a1", "a2", "a3"], [0, 1, 0, 5])
    assert list(got["text"]) == ["Drones hit Kyiv.", "Aid was discussed.", "Seoul weighs aid.", None]


@pytest.mark.parametrize("filters", [
    Filters(), Filters.make(outlets=["AP"]), Filters.make(topics=["korea"]), Filters.make(search="aid"),
    Filters.make(speakers=["Yoon Suk Yeol"]), Filters.make(categories=["drone"]), Filters.make(date_to="2024-11"),
    Filters.make(outlets=["AP", None], topics=["drones", "aid"]),
])
def test_count_topics_is_count_by_on_the_unnested_topics(store5, filters):
    def rows(df, keys):
        return sorted(zip(*(df[k].astype(object).where(df[k].notna(), None) for k in keys)), key=repr)
    for by in ([], ["outlet"], ["outlet", "month"]):
        want = store5.count_by("sentences", ["topics", *by], filters)
        got = store5.count_topics(by, filters)
        assert rows(got, ["topics", *by, "n"]) == rows(want, ["topics", *by, "n"]), (filters, by)
