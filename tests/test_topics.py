"""Sentence topics: weighted terms, required groups, a small window of context, no chrome."""
import pytest

from newslens.model import Article
from newslens.sentences import split_sentences
from newslens.topics import TOPIC_LABELS, build_topic_matcher, label_sentences, label_spans


def labels(text):
    article = Article(doc_id="d", path="d.txt", text=text)
    return label_sentences(article, split_sentences(article))


@pytest.mark.parametrize("text, topic", [
    ("Pyongyang has deployed about 10,000 North Korean troops to Russia's Kursk region.", "nk_troops"),
    ("Seoul has refused to send lethal aid to countries at war.", "sk_arms_policy"),
    ("The incoming Trump administration has pledged to scale back support.", "us_transition"),
    ("Moscow warned that arms deliveries would destroy relations with Seoul.", "ru_sk_relations"),
    ("Russia ratified a mutual defense treaty with North Korea.", "ru_nk_cooperation"),
    ("If North Korean forces continue their collaboration with Russia, we may act.", "ru_nk_cooperation"),
    ("Ukraine fired ATACMS missiles at targets inside Russia.", "long_range_strikes"),
    ("A Ukrainian delegation led by Umerov arrived in Seoul.", "ua_delegation"),
    ("Seoul called its alliance with Washington the bedrock of its security.", "sk_us_alliance"),
    ("South Korea wants to become a top arms exporter as Hanwha wins contracts.", "defence_industry"),
    ("Both sides said they were open to peace talks and a ceasefire.", "peace_talks"),
    ("Air defences shot down 30 drones over the city.", "air_defence"),
    ("The EU agreed new sanctions on Russian banks.", "sanctions"),
    ("The Kremlin again hinted at the use of tactical nuclear weapons.", "nuclear_threat"),
    ("Civilians fled as the evacuation of the humanitarian corridor began.", "humanitarian"),
    ("Ukrainian forces recaptured the village after heavy fighting on the front line.", "battlefield"),
])
def test_topic_fires(text, topic):
    assert topic in labels(text)[0]


@pytest.mark.parametrize("text, topic", [
    # a topic's required groups must be present: troops without North Korea, arms without Seoul
    ("Russian troops were deployed to the region.", "nk_troops"),
    ("Germany reconsidered its policy on lethal weapons.", "sk_arms_policy"),
    ("North Korea held a party congress on economic policy.", "nk_troops"),
    # word starts only: "arms" is not inside "firearms", "sanction" not inside other words
    ("Police seized firearms and harms were reported.", "sk_arms_policy"),
    ("The trump card was played in a bridge game.", "us_transition"),
    # a single weak term is not enough
    ("The meeting ended early.", "ua_delegation"),
])
def test_topic_does_not_fire(text, topic):
    assert all(topic not in ls for ls in labels(text))


def test_context_window_helps_a_half_sure_sentence():
    text = ("A Ukrainian delegation led by Umerov arrived in Seoul on Monday. "
            "He said the visit would focus on talks about security. "
            "The weather in Paris was mild.")
    got = labels(text)
    assert "ua_delegation" in got[0] and "ua_delegation" in got[1]
    assert got[2] == []


def test_context_does_not_label_a_sentence_without_own_evidence():
    text = "A Ukrainian delegation led by Umerov arrived in Seoul. It rained all day."
    assert labels(text)[1] == []


def test_chrome_sentences_get_no_topics():
    text = "Advertisement: sanctions sale now\nThe EU agreed new sanctions on Russian banks."
    cut = text.index("\n")
    article = Article(doc_id="d", path="d.txt", text=text, chrome=((0, cut),))
    sentences = split_sentences(article)
    got = label_sentences(article, sentences)
    assert len(got) == len(sentences) and got[0] == [] and "sanctions" in got[-1]


def test_custom_matcher_prefix_and_case():
    m = build_topic_matcher([{"id": "t", "label": "T", "terms": {"negotiat*": 1.0, "US": 1.0},
                              "threshold": 1.0, "requires_all": []}])
    text = "They are negotiating. Let us go. The US agreed."
    spans = [(0, 21), (22, 32), (33, 47)]
    assert label_spans(text, spans, matcher=m) == [["t"], [], ["t"]]


def test_labels_for_every_topic():
    assert TOPIC_LABELS["nk_troops"] == "North Korean troops in Russia"
    assert all(isinstance(v, str) and v for v in TOPIC_LABELS.values())
